// The one module that reads the spec: operations, their paths, request schemas, rate limits and
// every documented answer (status, media type, named examples). Nothing else in this package
// restates a fact the spec holds.
import bundled from "@greenspec/spec/openapi.json" with { type: "json" };

type Json = unknown;
type JsonObject = Record<string, Json>;

const RATE_LIMIT = "x-greenspec-rate-limit";
const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const raw = bundled as unknown as JsonObject;

/** One documented answer of an operation: a status and a body the spec names as an example. */
export interface SpecAnswer {
  status: number;
  mediaType: string;
  body: Json;
}

export interface OperationSpec {
  /** The operationId, which is also Green API's method name. */
  id: string;
  /** Upper-case HTTP method. */
  method: string;
  /** The path template, such as `/waInstance{idInstance}/createGroup/{apiTokenInstance}`. */
  path: string;
  /** The request body's media type. */
  contentType: string;
  /** Multipart parts that carry a file, with the media type the spec declares for each. */
  binaryParts: Readonly<Record<string, string>>;
  /** Requests per second per instance, when the spec states a limit. */
  rateLimit: number | undefined;
  /** JSON Schema of the request body (refs point at `#/components/schemas/...`). */
  requestSchema: Json;
  /** JSON Schema of the path parameters, as one object. */
  paramsSchema: JsonObject;
  /** Names of the path parameters, in the order they appear in the path. */
  pathParams: readonly string[];
  /** Every status the spec documents for the operation. */
  statuses: readonly number[];
  /** JSON Schema of the JSON body of each documented status. */
  responseSchemas: Readonly<Record<number, Json>>;
  /** Every named JSON example of every documented answer. */
  examples: Readonly<Record<string, SpecAnswer>>;
}

/** Follows local `#/...` references (the bundle keeps shared answers and examples as refs). */
function resolve(node: Json): Json {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string"; hops++) {
    const ref = current.$ref;
    if (hops > 20 || !ref.startsWith("#/")) throw new Error(`spec: cannot follow ${ref}`);
    current = ref
      .slice(2)
      .split("/")
      .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<Json>((parent, key) => (isObject(parent) ? parent[key] : undefined), raw);
  }
  if (current === undefined) throw new Error("spec: dangling reference");
  return current;
}

function isObject(value: Json): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function object(value: Json): JsonObject {
  return isObject(value) ? value : {};
}

function readRateLimit(operation: JsonObject, id: string): number | undefined {
  const value = operation[RATE_LIMIT];
  if (value === undefined) return undefined;
  const perSecond = typeof value === "number" ? value : object(value).requestsPerSecond;
  if (typeof perSecond === "number" && perSecond > 0) return perSecond;
  throw new Error(`spec: ${id} has an unreadable ${RATE_LIMIT}`);
}

function readOperation(path: string, method: string, operation: JsonObject, item: JsonObject) {
  const id = operation.operationId;
  if (typeof id !== "string") throw new Error(`spec: ${method} ${path} has no operationId`);
  const params = [
    ...((item.parameters as Json[]) ?? []),
    ...((operation.parameters as Json[]) ?? []),
  ]
    .map(resolve)
    .map(object)
    .filter((p) => p.in === "path");
  const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
  const paramsSchema: JsonObject = {
    type: "object",
    required: params.filter((p) => p.required === true).map((p) => p.name),
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema ?? true])),
  };

  const body = object(resolve(operation.requestBody ?? {}));
  const [contentType, rawMedia] = Object.entries(object(body.content))[0] ?? [];
  if (!contentType) throw new Error(`spec: ${id} has no request body`);
  const media = object(rawMedia);
  const schema = object(resolve(media.schema ?? {}));
  const binaryParts: Record<string, string> = {};
  for (const [name, sub] of Object.entries(object(schema.properties))) {
    const prop = object(resolve(sub));
    if (prop.format === "binary" || typeof prop.contentMediaType === "string") {
      const encoding = object(object(media.encoding)[name]).contentType;
      binaryParts[name] =
        (typeof encoding === "string" ? encoding.split(",")[0]?.trim() : undefined) ??
        (typeof prop.contentMediaType === "string"
          ? prop.contentMediaType
          : "application/octet-stream");
    }
  }

  const statuses: number[] = [];
  const responseSchemas: Record<number, Json> = {};
  const examples: Record<string, SpecAnswer> = {};
  for (const [code, rawResponse] of Object.entries(object(operation.responses))) {
    const status = Number(code);
    if (!Number.isInteger(status)) continue;
    statuses.push(status);
    const content = object(object(resolve(rawResponse)).content);
    const json = object(content["application/json"]);
    if (json.schema) responseSchemas[status] = json.schema;
    for (const [name, example] of Object.entries(object(json.examples))) {
      examples[name] ??= {
        status,
        mediaType: "application/json",
        body: object(resolve(example)).value,
      };
    }
  }

  return {
    id,
    method: method.toUpperCase(),
    path,
    contentType,
    binaryParts,
    rateLimit: readRateLimit(operation, id),
    requestSchema: media.schema ?? true,
    paramsSchema,
    pathParams,
    statuses,
    responseSchemas,
    examples,
  } satisfies OperationSpec;
}

function readOperations(): OperationSpec[] {
  const list: OperationSpec[] = [];
  for (const [path, rawItem] of Object.entries(object(raw.paths))) {
    const item = object(resolve(rawItem));
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (isObject(operation)) list.push(readOperation(path, method, operation, item));
    }
  }
  return list;
}

/** Every operation of the spec, in the spec's order. */
export const operations: readonly OperationSpec[] = readOperations();

/** The operations by operationId. */
export const operationsById: ReadonlyMap<string, OperationSpec> = new Map(
  operations.map((op) => [op.id, op]),
);

/** The component schemas, for a validator to take as `$defs`. */
export const componentSchemas: Readonly<Record<string, Json>> = object(
  object(raw.components).schemas,
);

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
function copy(value: Json): Json {
  if (Array.isArray(value)) return value.map(copy);
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const key in value) out[key] = copy(value[key]);
    return out;
  }
  return value;
}

/** The error identifier an example carries (its `description`), such as `rate overlimit`. */
export function identifierOf(answer: SpecAnswer): string {
  const body = answer.body;
  if (typeof body === "string") return body;
  const description = object(body).description;
  if (typeof description !== "string") throw new Error("spec: an error example has no identifier");
  return description;
}
