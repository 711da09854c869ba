import { createRequire } from "node:module";
import { type OperationId, rateLimits } from "@greenspec/client";

/** How a request body field is typed on the command line, read from its schema. */
export type FieldKind =
  | "string"
  | "integer"
  | "number"
  | "boolean"
  | "string-array"
  | "integer-array"
  | "file"
  | "json";

export interface BodyField {
  /** The body property, as the spec names it (`participantChatId`). */
  name: string;
  /** The flag without dashes (`participant-chat-id`). */
  flag: string;
  kind: FieldKind;
  description: string;
  /** Required in every shape of the body (a `oneOf` branch may require more). */
  required: boolean;
  /** For a file field: the media type the spec gives the upload. */
  mediaType?: string;
}

export interface SpecCommand {
  operationId: string;
  /** The operationId in kebab-case (`add-group-participant`). */
  command: string;
  summary: string;
  description: string;
  contentType: string;
  fields: BodyField[];
  /** Fields of which exactly one must be given, one list per `oneOf` branch. */
  alternatives: string[][];
  /** The request examples of the spec, by name. */
  examples: Record<string, Record<string, unknown>>;
  /** Top-level booleans of the success answer: `false` in any of them means the service said no. */
  outcomeFields: string[];
  requestsPerSecond?: number;
}

type Schema = Record<string, unknown> | boolean;
type OpenApiDocument = Record<string, unknown>;

const require = createRequire(import.meta.url);

/** Every method an OpenAPI path item can hold, so no operation of the spec is left out. */
const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** The bundled OpenAPI document shipped by @greenspec/spec. */
export function loadSpec(): OpenApiDocument {
  return require("@greenspec/spec/openapi.json") as OpenApiDocument;
}

export function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

/** One command per operation of the document, in the document's order. */
export function deriveCommands(doc: OpenApiDocument = loadSpec()): SpecCommand[] {
  const commands: SpecCommand[] = [];
  const paths = asRecord(doc.paths);
  for (const pathItem of Object.values(paths)) {
    for (const [method, raw] of Object.entries(asRecord(resolve(doc, pathItem)))) {
      if (!HTTP_METHODS.includes(method)) continue;
      const operation = asRecord(raw);
      const operationId = operation.operationId;
      if (typeof operationId !== "string") continue;
      commands.push(deriveCommand(doc, operationId, operation));
    }
  }
  return commands;
}

function deriveCommand(
  doc: OpenApiDocument,
  operationId: string,
  operation: Record<string, unknown>,
): SpecCommand {
  const content = asRecord(asRecord(resolve(doc, operation.requestBody)).content);
  const [contentType = "application/json", media = {}] = Object.entries(content)[0] ?? [];
  const mediaObject = asRecord(media);
  const encoding = asRecord(mediaObject.encoding);
  const body = resolve(doc, mediaObject.schema);
  const branches = shapesOf(doc, body);
  const requiredSets = branches.map((branch) => new Set(requiredOf(branch)));
  const fields = new Map<string, BodyField>();
  for (const branch of branches) {
    for (const [name, rawProperty] of Object.entries(asRecord(asRecord(branch).properties))) {
      if (rawProperty === false || fields.has(name)) continue;
      const property = asRecord(rawProperty);
      const target = asRecord(resolve(doc, property));
      const fileType = asRecord(encoding[name]).contentType;
      fields.set(name, {
        name,
        flag: kebabCase(name),
        kind: kindOf(doc, target),
        description: oneLine(
          String(property.description ?? target.description ?? property.title ?? ""),
        ),
        required: requiredSets.every((set) => set.has(name)),
        ...(isFile(target)
          ? { mediaType: String(fileType ?? target.contentMediaType ?? "application/octet-stream") }
          : {}),
      });
    }
  }
  const alternatives =
    branches.length > 1
      ? requiredSets.map((set) =>
          [...set].filter((name) => !requiredSets.every((other) => other.has(name))),
        )
      : [];
  const examples: Record<string, Record<string, unknown>> = {};
  for (const [name, example] of Object.entries(asRecord(mediaObject.examples))) {
    examples[name] = asRecord(asRecord(resolve(doc, example)).value);
  }
  if (mediaObject.example !== undefined) examples.example = asRecord(mediaObject.example);
  const success = asRecord(resolve(doc, asRecord(operation.responses)["200"]));
  const successSchema = resolve(
    doc,
    asRecord(asRecord(success.content)["application/json"]).schema,
  );
  // The pace the client keeps: read from the spec once, by the client's generator.
  const rateLimit = rateLimits[operationId as OperationId];
  return {
    operationId,
    command: kebabCase(operationId),
    summary: String(operation.summary ?? operationId),
    description: String(operation.description ?? "").trim(),
    contentType,
    fields: [...fields.values()],
    alternatives: alternatives.filter((names) => names.length > 0),
    examples,
    outcomeFields: outcomeFieldsOf(doc, successSchema),
    ...(typeof rateLimit === "number" ? { requestsPerSecond: rateLimit } : {}),
  };
}

/** The required top-level booleans of every shape of the answer (`addParticipant`, `leaveGroup`). */
function outcomeFieldsOf(doc: OpenApiDocument, schema: Schema): string[] {
  const names = new Set<string>();
  for (const shape of shapesOf(doc, schema)) {
    const properties = asRecord(asRecord(shape).properties);
    for (const name of requiredOf(shape)) {
      if (asRecord(resolve(doc, properties[name])).type === "boolean") names.add(name);
    }
  }
  return [...names];
}

/** The alternative shapes of a schema: its `oneOf`/`anyOf` branches, each merged with `allOf`. */
function shapesOf(doc: OpenApiDocument, raw: unknown): Schema[] {
  const schema = asRecord(resolve(doc, raw));
  const base = mergeAllOf(doc, schema);
  const branches = (schema.oneOf ?? schema.anyOf) as unknown[] | undefined;
  if (!Array.isArray(branches)) return [base];
  return branches.flatMap((branch) =>
    shapesOf(doc, branch).map((shape) => mergeSchemas(base, asRecord(shape))),
  );
}

function mergeAllOf(
  doc: OpenApiDocument,
  schema: Record<string, unknown>,
): Record<string, unknown> {
  const parts = Array.isArray(schema.allOf) ? schema.allOf : [];
  return parts.reduce<Record<string, unknown>>(
    (merged, part) => mergeSchemas(merged, mergeAllOf(doc, asRecord(resolve(doc, part)))),
    { properties: schema.properties ?? {}, required: schema.required ?? [] },
  );
}

function mergeSchemas(a: Record<string, unknown>, b: Record<string, unknown>) {
  return {
    properties: { ...asRecord(a.properties), ...asRecord(b.properties) },
    required: [...requiredOf(a), ...requiredOf(b)],
  };
}

function requiredOf(schema: Schema): string[] {
  const required = asRecord(schema).required;
  return Array.isArray(required) ? required.filter((n): n is string => typeof n === "string") : [];
}

function kindOf(doc: OpenApiDocument, schema: Record<string, unknown>): FieldKind {
  if (isFile(schema)) return "file";
  const type = typeOf(schema);
  if (type === "string" || type === "integer" || type === "number" || type === "boolean")
    return type;
  if (type === "array") {
    const items = typeOf(asRecord(resolve(doc, schema.items)));
    if (items === "string") return "string-array";
    if (items === "integer") return "integer-array";
  }
  return "json";
}

function typeOf(schema: Record<string, unknown>): unknown {
  const type = schema.type;
  return Array.isArray(type) ? type.find((t) => t !== "null") : type;
}

function isFile(schema: Record<string, unknown>): boolean {
  return (
    typeOf(schema) === "string" &&
    (schema.format === "binary" || schema.contentMediaType !== undefined)
  );
}

/** Follows local `$ref`s (`#/components/...`); a sibling `description` is kept by the caller. */
export function resolve(doc: OpenApiDocument, value: unknown): Schema {
  let current = value;
  for (let depth = 0; depth < 32; depth++) {
    const ref = asRecord(current).$ref;
    if (typeof ref !== "string" || !ref.startsWith("#/")) break;
    current = ref
      .slice(2)
      .split("/")
      .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<unknown>((node, key) => asRecord(node)[key], doc);
  }
  if (typeof current === "boolean") return current;
  return asRecord(current);
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The example path parameters of the spec, used as placeholder credentials against the mock. */
export function placeholderCredentials(doc: OpenApiDocument = loadSpec()): {
  idInstance: string;
  apiTokenInstance: string;
} {
  const parameters = asRecord(asRecord(doc.components).parameters);
  const exampleOf = (name: string, fallback: string) => {
    for (const parameter of Object.values(parameters)) {
      const p = asRecord(parameter);
      if (p.name === name && typeof p.example === "string") return p.example;
    }
    return fallback;
  };
  return {
    idInstance: exampleOf("idInstance", "1101000001"),
    apiTokenInstance: exampleOf("apiTokenInstance", "YOUR_TOKEN"),
  };
}
