// The path parameters of an operation: the path item's, overridden by the operation's own.
import { SpecModelError } from "./errors.js";
import { isObject, type JsonObject } from "./json.js";
import { pointerOf } from "./pointer.js";
import { type Reader, text } from "./reader.js";
import type { PathParameter } from "./types.js";

export function pathParameters(
  read: Reader,
  item: JsonObject,
  operation: JsonObject,
  at: string,
  itemAt: string,
): PathParameter[] {
  const lists = [
    ...(Array.isArray(item.parameters)
      ? item.parameters.map((p, i) => [p, pointerOf(itemAt, "parameters", i)] as const)
      : []),
    ...(Array.isArray(operation.parameters)
      ? operation.parameters.map((p, i) => [p, pointerOf(at, "parameters", i)] as const)
      : []),
  ];
  const byName = new Map<string, PathParameter>();
  for (const [raw, where] of lists) {
    const parameter = read.object(raw, where);
    if (parameter.in !== "path") continue;
    if (typeof parameter.name !== "string")
      throw new SpecModelError("a parameter needs a name", where);
    const schema =
      parameter.schema === undefined
        ? true
        : read.schemas.schemaAt(parameter.schema, pointerOf(where, "schema"));
    const fromSchema = isObject(schema)
      ? Array.isArray(schema.examples)
        ? schema.examples[0]
        : schema.example
      : undefined;
    // An operation's parameter overrides the path item's one of the same name.
    byName.set(parameter.name, {
      name: parameter.name,
      required: parameter.required === true,
      description: text(parameter.description),
      schema,
      example: parameter.example ?? fromSchema,
    });
  }
  return [...byName.values()];
}

/** The path parameters as one object schema, for a validator to check a route's parameters at once. */
export function pathParametersSchema(parameters: readonly PathParameter[]): JsonObject {
  return {
    type: "object",
    required: parameters.filter((p) => p.required).map((p) => p.name),
    properties: Object.fromEntries(parameters.map((p) => [p.name, p.schema])),
  };
}
