// @ts-check
// The JSON Schema keywords the validator code generator understands. Any other keyword fails the
// build, so a keyword the spec starts to use can never be skipped in silence.

/**
 * @typedef {import("@greenspec/spec/model").JsonObject} JsonObject
 */

// Annotations: they change no verdict.
export const ANNOTATIONS = new Set(["description", "title", "examples", "example", "$comment"]);

// What a 200 body is checked for: its shape (types, required fields, branches). Patterns and
// bounds are the service's business there, and a new id form must not fail a working call.
export const SHAPE_IGNORES = new Set([
  "pattern",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "format",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "additionalProperties",
  "contentMediaType",
]);

// The keywords each kind of schema may carry (besides annotations), in request mode.
/** @type {Record<string, string[]>} */
export const KEYWORDS = {
  object: ["type", "properties", "required", "additionalProperties", "minProperties"],
  array: ["type", "items", "minItems", "maxItems", "uniqueItems"],
  string: ["type", "pattern", "minLength", "maxLength"],
  integer: ["type", "minimum", "maximum", "format"],
  boolean: ["type"],
  // `type` beside oneOf: only as a primitive every branch repeats (see redundantType).
  oneOf: ["oneOf", "type"],
  anyOf: ["anyOf"],
};

// Integer formats as bounds. int64 is read as the safe range: a JSON number past 2^53 has lost
// digits before any check sees it, so it cannot be the number the caller meant.
/** @type {Record<string, [number, number]>} */
export const INTEGER_FORMATS = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/** Where component schemas live: the only references the generated code follows. */
export const COMPONENT = "#/components/schemas/";

/** Fails on a keyword that `allowed` does not list. @param {JsonObject} schema @param {string[]} allowed @param {string} where */
export function only(schema, allowed, where) {
  for (const name of Object.keys(schema)) {
    if (ANNOTATIONS.has(name) || name.startsWith("x-") || allowed.includes(name)) continue;
    throw new Error(
      `${where}: the keyword "${name}" is not supported by scripts/schema-keywords.mjs (add it there, in schema-kinds.mjs and in src/validation.ts)`,
    );
  }
}

/** Only annotations: any value will do, as with `true`. @param {JsonObject} schema */
export const annotationsOnly = (schema) =>
  Object.keys(schema).every((name) => ANNOTATIONS.has(name) || name.startsWith("x-"));

/** @param {JsonObject} schema @param {string} where */
export function kindOf(schema, where) {
  if (schema.oneOf !== undefined) return "oneOf";
  if (schema.anyOf !== undefined) return "anyOf";
  if (Array.isArray(schema.type)) return "types";
  if (typeof schema.type === "string" && KEYWORDS[schema.type]) return schema.type;
  throw new Error(`${where}: a schema needs a supported "type", "oneOf" or "anyOf"`);
}
