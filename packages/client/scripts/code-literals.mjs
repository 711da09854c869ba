// @ts-check
// Writing JS source from schema values: literals, object keys, argument lists, and the checks
// that a count, a bound or a pattern from the spec can be written as one.

/**
 * @typedef {import("@greenspec/spec/model").Json} Json
 */

/** A name that can stand as a JS identifier (a constant, an object key, a method). */
export const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A JS literal for a JSON value. @param {unknown} value */
export const literal = (value) => JSON.stringify(value);

/** A property name as an object literal key. @param {string} name */
export function key(name) {
  if (name === "__proto__") throw new Error(`a property named ${name} cannot be checked`);
  return IDENTIFIER.test(name) ? name : literal(name);
}

/** Arguments with the trailing defaults (undefined) left off. @param {(string | undefined)[]} list */
export function args(...list) {
  while (list.length && list[list.length - 1] === undefined) list.pop();
  return list.map((item) => (item === undefined ? "undefined" : item)).join(", ");
}

/** @param {Json | undefined} value @param {string} where */
export function count(value, where) {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)
    throw new Error(`${where}: a count must be a non-negative integer, not ${literal(value)}`);
  return value;
}

/** @param {Json | undefined} value @param {string} where */
export function bound(value, where) {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new Error(`${where}: a bound must be a finite number, not ${literal(value)}`);
  return value;
}

/** A regex literal with the `u` flag (as ajv builds it), whose `source` is the spec's text. @param {Json} pattern @param {string} where */
export function regex(pattern, where) {
  if (typeof pattern !== "string") throw new Error(`${where}: pattern must be a string`);
  const compiled = new RegExp(pattern, "u");
  if (compiled.source !== pattern)
    throw new Error(`${where}: pattern ${literal(pattern)} cannot be written as a regex literal`);
  return `/${pattern}/u`;
}
