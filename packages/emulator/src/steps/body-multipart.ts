// Reading a multipart body: its parts checked by the spec's schema (files as "<binary>"), then
// each file part the spec declares: not empty, within the size limit, of its declared type.
import type { IncomingCall } from "../call.js";
import { MAX_BODY_BYTES } from "../limits.js";
import { partsOf, TooManyParts } from "../multipart.js";
import { refusal } from "../refusal.js";
import {
  hasFiles,
  type OperationId,
  type OperationOf,
  type SpecAnswer,
  specAnswer,
} from "../spec.js";
import { checkBody } from "../validate.js";
import type { BodyRead } from "./state.js";

/** Whether a file's bytes are of the declared media type (JPEG by its signature). */
async function isOfType(file: Blob, mediaType: string): Promise<boolean> {
  if (mediaType === "image/jpeg") {
    const head = new Uint8Array(await file.slice(0, 3).arrayBuffer());
    return head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
  }
  return mediaType === "application/octet-stream" || file.type === mediaType;
}

/** The first file part that is empty, too large or of another type, as its answer. */
async function fileRefusal(
  operation: OperationOf<OperationId>,
  form: FormData,
): Promise<SpecAnswer | undefined> {
  if (!hasFiles(operation)) return undefined;
  for (const { name, mediaType } of operation.request?.files ?? []) {
    const value = form.get(name);
    const file = typeof value === "string" ? new Blob([value]) : value;
    if (!file) continue;
    if (file.size === 0) return specAnswer(operation, "fileEmpty");
    if (file.size > MAX_BODY_BYTES) return refusal(operation, `${name} is too large`);
    if (!(await isOfType(file, mediaType))) return specAnswer(operation, "unsupportedMediaType");
  }
  return undefined;
}

export async function readMultipart(
  operation: OperationOf<OperationId>,
  call: IncomingCall,
): Promise<BodyRead> {
  let form: FormData;
  let grouped: Map<string, FormDataEntryValue[]>;
  try {
    form = await call.formData();
    grouped = partsOf(form);
  } catch (error) {
    // Not multipart, cut short, too large or too many parts: nothing the spec would accept.
    const detail =
      error instanceof TooManyParts ? error.message : "body is not multipart/form-data";
    return { answer: refusal(operation, detail), request: null };
  }
  const parts: Record<string, unknown> = {};
  const request: Record<string, unknown> = {};
  for (const [key, values] of grouped) {
    const one = values.length === 1 ? values[0] : values;
    parts[key] = typeof one === "string" || Array.isArray(one) ? one : "<binary>";
    request[key] =
      typeof one === "object" && !Array.isArray(one) ? { type: one.type, size: one.size } : one;
  }
  const verdict = checkBody(operation, parts);
  if (!verdict.valid) return { answer: refusal(operation, verdict.detail), request };
  const refused = await fileRefusal(operation, form);
  if (refused) return { answer: refused, request };
  return { body: Object.fromEntries(form), request };
}
