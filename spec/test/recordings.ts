// Every answer in spec/recordings/*.json, made ready to validate: the source's `***` masks put
// back as a value of the documented form, and the success flag the OpenIntegrations harness adds
// beside a 400 dropped (see the `about` of green-api.json).
import { readdirSync, readFileSync } from "node:fs";
import { type Json, model, type Operation } from "@greenspec/spec/model";

export interface Recording {
  file: string;
  operation: string;
  status: number;
  body: Json;
  source: string;
  kind: string;
  note?: string;
}

const folder = new URL("../recordings/", import.meta.url);

/** The file names of the recordings folder: every `.json` in it is read. */
export const recordingFiles = readdirSync(folder)
  .filter((name) => name.endsWith(".json"))
  .sort();

/** Every recorded answer of every file, in file then item order. */
export const recordings: Recording[] = recordingFiles.flatMap((file) => {
  const parsed = JSON.parse(readFileSync(new URL(file, folder), "utf8")) as { items: Recording[] };
  return parsed.items.map((item) => ({ ...item, file }));
});

/** A value of the documented form for each field a source masks with `***`. */
const unmasked: Record<string, Json> = {
  owner: "79001234567@c.us",
  subjectOwner: "79001234567@c.us",
  id: "79001234568@c.us",
  chatId: "120363043968066561@g.us",
  groupId: "120363043968066561@g.us",
  groupInviteLink: "https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv",
};

/** The body with every `***` value put back; a masked field not listed above throws. */
export function unmask(body: Json, key = ""): Json {
  if (body === "***") {
    const value = unmasked[key];
    if (value === undefined) throw new Error(`no documented form known for a masked "${key}"`);
    return value;
  }
  if (Array.isArray(body)) return body.map((item) => unmask(item, key));
  if (body === null || typeof body !== "object") return body;
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, unmask(v, k)]));
}

/** The success body's own fields (over its branches), by the spec model. */
function successFields(operation: Operation): Set<string> {
  const names = new Set<string>();
  for (const branch of model.branchesOf(operation.success.body)) {
    const properties = (branch as { properties?: Record<string, Json> }).properties ?? {};
    for (const name of Object.keys(properties)) names.add(name);
  }
  return names;
}

/** The body as the service sent it: unmasked, and without a success field beside an error. */
export function serviceBody(recording: Recording, operation: Operation): Json {
  const body = unmask(recording.body);
  if (recording.status < 400 || body === null || typeof body !== "object" || Array.isArray(body))
    return body;
  const own = successFields(operation);
  return Object.fromEntries(Object.entries(body).filter(([key]) => !own.has(key)));
}

/** The operations a recording speaks of: one by its id, or every one for `*`. */
export function operationsOf(recording: Recording): readonly Operation[] {
  return recording.operation === "*" ? model.operations : [model.operation(recording.operation)];
}

/** The answer schema for the recording's status and body kind: exact status, then `4XX`, then `default`. */
export function answerSchema(operation: Operation, status: number, body: Json): Json | undefined {
  const mediaType = typeof body === "string" ? "text/plain" : "application/json";
  for (const written of [String(status), `${String(status)[0]}XX`, "default"]) {
    const answer = operation.answers.find((a) => a.status === written && a.mediaType === mediaType);
    if (answer) return answer.schema;
  }
  return undefined;
}
