// The test's own reading of the spec (through the spec model), independent of the emulator's
// validator: which requests the spec accepts and whether an answer is one the spec documents.
import { model } from "@greenspec/spec/model";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import formats from "ajv-formats";

const DEFS = "referee-defs";
const rewrite = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(rewrite);
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      k === "$ref" && typeof v === "string"
        ? v.replace("#/components/schemas/", `${DEFS}#/$defs/`)
        : rewrite(v),
    ]),
  );
};

const ajv = new Ajv2020({ strict: false, allErrors: true });
(formats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema({
  $id: DEFS,
  $defs: rewrite((model.document.components as { schemas: object }).schemas) as object,
});

const cache = new Map<string, ValidateFunction>();
function compiled(key: string, schema: unknown): ValidateFunction {
  let found = cache.get(key);
  if (!found) {
    found = ajv.compile(rewrite(schema) as object);
    cache.set(key, found);
  }
  return found;
}

export const operationIds = model.operations.map((op) => op.id);

export function pathOf(id: string, idInstance: string, token: string): string {
  return model
    .operation(id)
    .path.replace("{idInstance}", idInstance)
    .replace("{apiTokenInstance}", encodeURIComponent(token));
}

export function isMultipart(id: string): boolean {
  return model.operation(id).request?.mediaType === "multipart/form-data";
}

/** Whether the spec accepts a request body (multipart: its parts, files as any string). */
export function requestAccepted(id: string, body: unknown): boolean {
  return compiled(`${id} request`, model.operation(id).request?.schema ?? true)(body) === true;
}

/** Why an answer is not one the spec documents for the operation, or undefined when it is. */
export function answerProblem(id: string, status: number, body: unknown): string | undefined {
  const answer = model
    .operation(id)
    .answers.find((a) => a.status === String(status) && a.mediaType === "application/json");
  if (!answer) return `${id} documents no JSON answer ${status}`;
  const check = compiled(`${id} ${status}`, answer.schema);
  if (check(body)) return undefined;
  return `${id} ${status}: ${ajv.errorsText(check.errors)} in ${JSON.stringify(body).slice(0, 300)}`;
}

/** The documented statuses of an operation. */
export function statusesOf(id: string): number[] {
  return [...new Set(model.operation(id).answers.map((a) => Number(a.status)))].filter(
    Number.isInteger,
  );
}

const participant = model.document.components as { schemas: Record<string, { pattern?: string }> };
/** The pattern a member id must match (a personal chat id or a hidden-number id). */
export const memberIdPatterns = ["ChatId", "LidId"]
  .map((name) => participant.schemas[name]?.pattern)
  .filter((p): p is string => typeof p === "string")
  .map((p) => new RegExp(p));
