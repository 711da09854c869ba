// The one place this package reads the spec, through the spec model (@greenspec/spec/model):
// operations, their paths, request schemas, rate limits and every documented answer (status,
// media type, named examples). Nothing else in this package restates a fact the spec holds.
import { type Json, model, type Operation } from "@greenspec/spec/model";

type JsonObject = Record<string, Json>;

/** One documented answer of an operation: a status and a body the spec names as an example. */
export interface SpecAnswer {
  status: number;
  mediaType: string;
  body: unknown;
}

export interface OperationSpec {
  /** The operationId, which is also Green API's method name. */
  id: string;
  /** Upper-case HTTP method. */
  method: string;
  /** The path template, such as `/waInstance{idInstance}/createGroup/{apiTokenInstance}`. */
  path: string;
  /** The request body's media type; undefined for an operation without a body (a GET). */
  contentType: string | undefined;
  /** Multipart parts that carry a file, with the media type the spec declares for each. */
  binaryParts: Readonly<Record<string, string>>;
  /** Requests per second per instance, when the spec states a limit. */
  rateLimit: number | undefined;
  /** JSON Schema of the path parameters, as one object. */
  paramsSchema: JsonObject;
  /** Names of the path parameters, in the order they appear in the path. */
  pathParams: readonly string[];
  /** Every status the spec documents for the operation. */
  statuses: readonly number[];
  /** Every named JSON example of every documented answer. */
  examples: Readonly<Record<string, SpecAnswer>>;
}

const JSON_MEDIA = "application/json";

function readOperation(operation: Operation): OperationSpec {
  const request = operation.request;
  const statuses: number[] = [];
  const examples: Record<string, SpecAnswer> = {};
  for (const answer of operation.answers) {
    const status = Number(answer.status);
    if (!Number.isInteger(status)) continue;
    if (!statuses.includes(status)) statuses.push(status);
    if (answer.mediaType !== JSON_MEDIA) continue;
    for (const example of answer.examples)
      examples[example.name] ??= { status, mediaType: JSON_MEDIA, body: example.value };
  }
  return {
    id: operation.id,
    method: operation.method.toUpperCase(),
    path: operation.path,
    contentType: request?.mediaType,
    binaryParts: Object.fromEntries(
      (request?.files ?? []).map((file) => [file.name, file.mediaType]),
    ),
    rateLimit: operation.rateLimit?.requestsPerSecond,
    paramsSchema: operation.pathParametersSchema,
    pathParams: [...operation.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string),
    statuses,
    examples,
  };
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every operation of the spec, in the spec's order. */
export const operations: readonly OperationSpec[] = model.operations.map(readOperation);

/** The operations by operationId. */
export const operationsById: ReadonlyMap<string, OperationSpec> = new Map(
  operations.map((op) => [op.id, op]),
);

/** The component schemas, for a validator to take as `$defs`. */
export const componentSchemas: Readonly<Record<string, Json>> = (() => {
  const components = model.document.components;
  const schemas = isObject(components) ? components.schemas : undefined;
  return isObject(schemas) ? schemas : {};
})();

/**
 * A documented answer of `operation`, found by the name of the spec's example, as a fresh copy
 * the caller may change. Throws when the spec has no such example: a renamed example must fail
 * loudly, not answer something undocumented.
 */
export function specAnswer(operation: OperationSpec, example: string): SpecAnswer {
  const found = operation.examples[example];
  if (!found) throw new Error(`spec: ${operation.id} documents no answer named ${example}`);
  return { ...found, body: copy(found.body) };
}

/** A deep copy of plain JSON (cheaper than structuredClone for the spec's small examples). */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key in value) out[key] = copy(value[key]);
    return out;
  }
  return value;
}

/** The error identifier an example carries (its `description`), such as `rate overlimit`. */
export function identifierOf(answer: SpecAnswer): string {
  const body = answer.body;
  if (typeof body === "string") return body;
  const description = isObject(body) ? body.description : undefined;
  if (typeof description !== "string") throw new Error("spec: an error example has no identifier");
  return description;
}
