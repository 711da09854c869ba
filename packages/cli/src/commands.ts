// One command per operation of the spec, read through the spec model: flags from the request
// body's fields, help from the descriptions and examples, the outcome from the success body.
import { isObject, type Json, model, type Operation, type Schema } from "@greenspec/spec/model";

/** How a body field is typed on the command line, read from its schema. */
export type FieldKind =
  | "string"
  | "integer"
  | "boolean"
  | "string-array"
  | "integer-array"
  | "file"
  | "json";

export interface CommandField {
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

/** An operation of the spec model and what the command line makes of it (flags, help). */
export interface SpecCommand {
  /** The operation itself, as the spec model reads it (`id`, `request`, `rateLimit`, ...). */
  operation: Operation;
  /** The operationId in kebab-case (`add-group-participant`). */
  command: string;
  summary: string;
  description: string;
  fields: CommandField[];
  /** The request examples of the spec, by name. */
  examples: Record<string, Record<string, Json>>;
  /** Top-level booleans of the success answer: `false` in any of them means the service said no. */
  outcomeFields: string[];
}

export function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

/** One command per operation of the spec, in the spec's order. */
export function specCommands(operations: readonly Operation[] = model.operations): SpecCommand[] {
  return operations.map(commandFor);
}

function commandFor(operation: Operation): SpecCommand {
  const request = operation.request;
  const files = new Map(request?.files.map((file) => [file.name, file.mediaType]));
  const fields = (request?.fields ?? []).map((field): CommandField => {
    const mediaType = files.get(field.name);
    return {
      name: field.name,
      flag: kebabCase(field.name),
      kind: mediaType !== undefined ? "file" : kindOf(field.schema),
      description: flagHelp(field.schema, field.description ?? ""),
      required: field.required,
      ...(mediaType !== undefined ? { mediaType } : {}),
    };
  });
  const examples: Record<string, Record<string, Json>> = {};
  for (const { name, value } of request?.examples ?? [])
    if (isObject(value)) examples[name] = value;
  return {
    operation,
    command: kebabCase(operation.id),
    summary: operation.summary ?? operation.id,
    description: (operation.description ?? "").trim(),
    fields,
    examples,
    outcomeFields: outcomeFieldsOf(operation.success.body),
  };
}

/** The required top-level booleans of every shape of the answer (`addParticipant`, `leaveGroup`). */
function outcomeFieldsOf(body: Schema | undefined): string[] {
  const names = new Set<string>();
  for (const shape of body === undefined ? [] : model.branchesOf(body)) {
    if (!isObject(shape) || !isObject(shape.properties) || !Array.isArray(shape.required)) continue;
    for (const name of shape.required) {
      if (typeof name !== "string") continue;
      const property = model.resolve(shape.properties[name]);
      if (isObject(property) && property.type === "boolean") names.add(name);
    }
  }
  return [...names];
}

/** The flag's kind for the types the client's generator accepts; anything else is given as JSON. */
function kindOf(schema: Schema): FieldKind {
  const type = typeOf(schema);
  if (type === "string" || type === "integer" || type === "boolean") return type;
  if (type === "array" && isObject(schema)) {
    const items = typeOf(model.resolve(schema.items));
    if (items === "string") return "string-array";
    if (items === "integer") return "integer-array";
  }
  return "json";
}

/** The schema's type; of a `[T, "null"]` list, T. */
function typeOf(schema: Json | undefined): Json | undefined {
  if (!isObject(schema)) return undefined;
  const type = schema.type;
  return Array.isArray(type) ? type.find((t) => t !== "null") : type;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * A flag's help in a line or two: the spec's own words for what it takes, else the first
 * sentence of its description. The reasoning behind a rule stays in the docs.
 */
function flagHelp(schema: Schema, description: string): string {
  const resolved = model.resolve(schema);
  const items = isObject(resolved) && resolved.type === "array" ? resolved.items : undefined;
  const own = model.expectedOf(schema);
  const words = own ?? (items === undefined ? undefined : model.expectedOf(items));
  if (words !== undefined) {
    const sentence = `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
    return items !== undefined && own === undefined ? `Each value: ${words}.` : sentence;
  }
  const text = oneLine(description);
  return /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
}

/** The spec's example path parameters, used as placeholder credentials against the mock. */
export function placeholderCredentials(operation: Operation = firstOperation()): {
  idInstance: string;
  apiTokenInstance: string;
} {
  const exampleOf = (name: string) => {
    const value = operation.pathParameters.find((p) => p.name === name)?.example;
    if (typeof value !== "string") throw new Error(`the spec gives no example ${name}`);
    return value;
  };
  return { idInstance: exampleOf("idInstance"), apiTokenInstance: exampleOf("apiTokenInstance") };
}

function firstOperation(): Operation {
  const [first] = model.operations;
  if (!first) throw new Error("the spec has no operation");
  return first;
}
