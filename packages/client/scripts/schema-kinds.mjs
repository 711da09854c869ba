// @ts-check
// The code for each kind of schema (branches, object, array, string, integer, boolean, a list of
// types): calls to the checks of src/validation.ts with literal arguments.
import { isObject } from "@greenspec/spec/model";
import { args, bound, count, key, literal, regex } from "./code-literals.mjs";
import { INTEGER_FORMATS } from "./schema-keywords.mjs";

/**
 * @typedef {import("@greenspec/spec/model").SpecModel} SpecModel
 * @typedef {import("@greenspec/spec/model").Json} Json
 * @typedef {import("@greenspec/spec/model").JsonObject} JsonObject
 * @typedef {object} KindContext What the code of one schema is written with.
 * @property {SpecModel} model
 * @property {string} lib The name the generated module imports src/validation.ts as.
 * @property {boolean} shape Checks types, required fields and branches only (a 200 body).
 * @property {string} where Where the schema is, for error messages.
 * @property {(value: Json | undefined, path: string) => string} sub The code of a subschema.
 * @property {(...names: string[]) => string} typeCheck A check of types alone.
 */

/** The code of a schema of `kind` (its keywords already checked). @param {string} kind @param {JsonObject} schema @param {KindContext} ctx */
export function kindCode(kind, schema, ctx) {
  switch (kind) {
    case "types":
      return typesCode(schema, ctx);
    case "oneOf":
    case "anyOf":
      return branchesCode(kind, schema, ctx);
    case "object":
      return objectCode(schema, ctx);
    case "array":
      return arrayCode(schema, ctx);
    case "string":
      return stringCode(schema, ctx);
    case "integer":
      return integerCode(schema, ctx);
    case "boolean":
      return ctx.typeCheck("boolean");
  }
  throw new Error(`${ctx.where}: unreachable`);
}

/** @param {JsonObject} schema @param {KindContext} ctx */
function typesCode(schema, { where, typeCheck }) {
  const types = /** @type {Json[]} */ (schema.type);
  const names = types.filter((type) => typeof type === "string");
  if (
    names.length !== types.length ||
    names.some((t) => !["string", "boolean", "null"].includes(t))
  )
    throw new Error(`${where}: the type list ${literal(schema.type)} is not supported`);
  return typeCheck(...names);
}

/** @param {"oneOf" | "anyOf"} kind @param {JsonObject} schema @param {KindContext} ctx */
function branchesCode(kind, schema, { model, lib, shape, where, sub }) {
  const list = schema[kind];
  if (!Array.isArray(list) || !list.length) throw new Error(`${where}: empty ${kind}`);
  if (schema.type !== undefined) redundantType(model, schema, where);
  const branches = list.map((branch, i) => sub(branch, `/${kind}/${i}`));
  if (kind === "anyOf" || shape) {
    // In a shape, branches may become the same (ParticipantId's two id forms are strings).
    const distinct = [...new Set(branches)];
    const [first] = distinct;
    return distinct.length === 1 && first ? first : `${lib}.some(${distinct.join(", ")})`;
  }
  // For a oneOf of objects: the fields that pick each branch (the model's exactly-one-of groups).
  const picks = model.exactlyOneOf({ oneOf: list });
  return `${lib}.one([${branches.join(", ")}]${picks.length > 0 ? `, ${literal(picks)}` : ""})`;
}

/** @param {JsonObject} schema @param {KindContext} ctx */
function objectCode(schema, { lib, shape, where, sub }) {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const listed = schema.required ?? [];
  if (!Array.isArray(listed) || listed.some((name) => typeof name !== "string"))
    throw new Error(`${where}: "required" must list names`);
  const required = /** @type {string[]} */ (listed);
  /** @type {string | undefined} */
  let closed;
  if (!shape && schema.additionalProperties !== undefined) {
    if (schema.additionalProperties === false) closed = "true";
    else if (schema.additionalProperties !== true)
      throw new Error(`${where}: only additionalProperties true or false is supported`);
  }
  // Required properties first, in the order ajv checks them; obj() takes their count.
  const names = [...new Set([...required, ...Object.keys(properties)])];
  const props = names.map((name) => {
    if (Object.hasOwn(properties, name))
      return `${key(name)}: ${sub(properties[name], `/properties/${name}`)}`;
    // Required but not described: any value will do, unless no other key is allowed.
    if (closed) throw new Error(`${where}: ${name} is required but not allowed`);
    return `${key(name)}: ${lib}.any`;
  });
  const minProps = shape ? undefined : count(schema.minProperties, where);
  return `${lib}.obj(${args(
    `{ ${props.join(", ")} }`,
    required.length || closed || minProps ? String(new Set(required).size) : undefined,
    closed ?? (minProps ? "false" : undefined),
    minProps?.toString(),
  )})`;
}

/** @param {JsonObject} schema @param {KindContext} ctx */
function arrayCode(schema, { model, lib, shape, where, sub }) {
  if (schema.items === undefined) throw new Error(`${where}: an array needs "items"`);
  const item = sub(schema.items, "/items");
  const min = shape ? undefined : count(schema.minItems, where);
  const unique = !shape && schema.uniqueItems === true;
  if (unique) primitiveItems(model, schema.items, `${where}/items`);
  const max = shape ? undefined : count(schema.maxItems, where);
  const least = min ?? (unique || max !== undefined ? 0 : undefined);
  const once = unique ? "true" : max === undefined ? undefined : "false";
  return `${lib}.arr(${args(item, least?.toString(), once, max?.toString())})`;
}

/** @param {JsonObject} schema @param {KindContext} ctx */
function stringCode(schema, { lib, shape, where, typeCheck }) {
  if (shape) return typeCheck("string");
  const pattern = schema.pattern === undefined ? undefined : regex(schema.pattern, where);
  const max = count(schema.maxLength, where);
  const min = count(schema.minLength, where) ?? (max === undefined ? undefined : 0);
  return `${lib}.str(${args(pattern, min?.toString(), max?.toString())})`;
}

/** @param {JsonObject} schema @param {KindContext} ctx */
function integerCode(schema, { lib, shape, where, typeCheck }) {
  if (shape) return typeCheck("integer");
  let min = bound(schema.minimum, where);
  let max = bound(schema.maximum, where);
  if (schema.format !== undefined) {
    const range = typeof schema.format === "string" ? INTEGER_FORMATS[schema.format] : undefined;
    if (!range) throw new Error(`${where}: the integer format "${schema.format}" is not supported`);
    // Only the part of the format's range that the bounds do not already cover.
    if (min === undefined || min < range[0]) min = range[0];
    if (max === undefined || max > range[1]) max = range[1];
  }
  return `${lib}.int(${args(min?.toString(), max?.toString())})`;
}

/**
 * `type` beside oneOf is not checked on its own, so it is allowed only where every branch
 * already states the same primitive type (ParticipantId: two string forms); tools that need
 * one type for a field read it there. Anything else fails loudly.
 * @param {SpecModel} model @param {JsonObject} schema @param {string} where
 */
function redundantType(model, schema, where) {
  const branches = Array.isArray(schema.oneOf) ? schema.oneOf : [];
  const branchTypes = branches.map((branch) => {
    const resolved = model.resolve(branch, where);
    return isObject(resolved) ? resolved.type : undefined;
  });
  if (
    typeof schema.type !== "string" ||
    !["string", "integer", "boolean"].includes(schema.type) ||
    branchTypes.some((type) => type !== schema.type)
  )
    throw new Error(
      `${where}: "type" beside oneOf is supported only as a string, integer or boolean type that every branch repeats`,
    );
}

/** uniqueItems is checked with a Set: exact only for items of a primitive type. @param {SpecModel} model @param {Json | undefined} items @param {string} where */
function primitiveItems(model, items, where) {
  const schema = model.resolve(items, where);
  const type = isObject(schema) ? schema.type : undefined;
  if (typeof type !== "string" || !["string", "integer", "boolean"].includes(type))
    throw new Error(`${where}: uniqueItems is supported on string, integer or boolean items only`);
}
