// @ts-check
// Turns the spec's JSON Schemas into JS code: calls to the checks of src/validation.ts with
// literal arguments. Only the keywords of schema-keywords.mjs are understood; any other one fails
// the build. References are followed, and files told apart, by the spec model
// (@greenspec/spec/model), never here; the code of each kind of schema is in schema-kinds.mjs.
import { isObject } from "@greenspec/spec/model";
import { IDENTIFIER, literal } from "./code-literals.mjs";
import {
  ANNOTATIONS,
  annotationsOnly,
  COMPONENT,
  KEYWORDS,
  kindOf,
  only,
  SHAPE_IGNORES,
} from "./schema-keywords.mjs";
import { kindCode } from "./schema-kinds.mjs";

export { COMPONENT, IDENTIFIER };

/**
 * @typedef {import("@greenspec/spec/model").SpecModel} SpecModel
 * @typedef {import("@greenspec/spec/model").Json} Json
 * @typedef {import("@greenspec/spec/model").JsonObject} JsonObject
 * @typedef {"request" | "shape" | "multipart"} Mode
 */

/**
 * A code writer over the schemas of `model`'s document. `lib` is the name the generated module
 * imports src/validation.ts as. Component schemas used in request mode become named constants
 * (`declarations()`), shared by every schema that refers to them.
 * @param {{ model: SpecModel, lib?: string }} options
 */
export function schemaCode({ model, lib = "c" }) {
  return new SchemaWriter(model, lib);
}

class SchemaWriter {
  /** component name -> code, in dependency order @type {Map<string, string>} */
  #declared = new Map();
  /** @type {Set<string>} */
  #visiting = new Set();

  /** @param {SpecModel} model @param {string} lib */
  constructor(model, lib) {
    this.model = model;
    this.lib = lib;
  }

  /** Code that checks `schema` in request mode. @param {Json | undefined} schema @param {string} where */
  request(schema, where) {
    return this.#code(schema, "request", where);
  }

  /** Code that checks a multipart body: binary parts accept anything. @param {Json | undefined} schema @param {string} where */
  multipart(schema, where) {
    return this.#code(schema, "multipart", where);
  }

  /** Code that checks the shape of `schema` (for 200 bodies). @param {Json | undefined} schema @param {string} where */
  shape(schema, where) {
    return this.#code(schema, "shape", where);
  }

  /** `const Name = ...;` for every component used so far, each after the ones it uses. */
  declarations() {
    const declared = [...this.#declared];
    return declared
      .filter(([name, body]) => declared.find(([, other]) => other === body)?.[0] === name)
      .map(([name, body]) => `const ${name} = ${body};`);
  }

  /** A check of types alone. Written out at each use: gzip packs the repeats better than names. @param {string[]} names */
  #typeCheck(...names) {
    const lib = this.lib;
    return names.join() === "integer"
      ? `${lib}.int()`
      : `${lib}.is(${names.map(literal).join(", ")})`;
  }

  /** A component's name and schema; the model fails loudly on a dangling reference. @param {unknown} ref @param {string} where */
  #component(ref, where) {
    if (typeof ref !== "string" || !ref.startsWith(COMPONENT))
      throw new Error(`${where}: only ${COMPONENT}* references are supported, not ${String(ref)}`);
    // A component that is only a reference to another is the same check: name it after the last.
    const at = this.model.pointerOf({ $ref: ref }, where);
    const name = at.slice(COMPONENT.length);
    if (!at.startsWith(COMPONENT) || name.includes("/"))
      throw new Error(`${where}: ${ref} leads to ${at}, which is not a component schema`);
    return { name, schema: this.model.resolve({ $ref: ref }, where) };
  }

  /**
   * Code for one schema. Modes: "request" checks every rule; "shape" checks types, required
   * fields and branches only (oneOf read as anyOf); "multipart" is request mode where binary
   * parts accept anything (the client checks them as Blob or bytes).
   * @param {Json | undefined} schema @param {Mode} mode @param {string} where @param {number} depth
   * @returns {string}
   */
  #code(schema, mode, where, depth = 0) {
    const { model, lib } = this;
    if (depth > 32) throw new Error(`${where}: schema too deep (recursive?)`);
    if (schema === true) return `${lib}.any`;
    if (schema === false) return `${lib}.never`;
    if (!isObject(schema)) throw new Error(`${where}: not a schema: ${literal(schema)}`);
    if (schema.$ref !== undefined) {
      only(schema, ["$ref"], where);
      const { name, schema: target } = this.#component(schema.$ref, where);
      if (mode === "shape") return this.#code(target, mode, `${where} -> ${name}`, depth + 1);
      if (mode === "multipart" && model.isFile(target)) return `${lib}.any`;
      return this.#declare(name, target);
    }
    // The schema's own words for what a value must be: a failure of the value itself says them.
    const expected = mode === "shape" ? undefined : model.expectedOf(schema, where);
    if (expected !== undefined) {
      const { "x-greenspec-expected": _, ...rules } = schema;
      return `${lib}.said(${this.#code(rules, mode, where, depth)}, ${literal(expected)})`;
    }
    if (annotationsOnly(schema)) return `${lib}.any`;
    if (mode === "multipart" && model.isFile(schema)) {
      only(schema, ["type", "format", "contentMediaType"], where);
      return `${lib}.any`;
    }
    const shape = mode === "shape";
    const kind = kindOf(schema, where);
    const rules = shape
      ? Object.fromEntries(Object.entries(schema).filter(([name]) => !SHAPE_IGNORES.has(name)))
      : schema;
    only(rules, kind === "types" ? ["type"] : (KEYWORDS[kind] ?? []), where);
    return kindCode(kind, schema, {
      model,
      lib,
      shape,
      where,
      sub: (value, path) => this.#code(value, mode, `${where}${path}`, depth + 1),
      typeCheck: (...names) => this.#typeCheck(...names),
    });
  }

  /** @param {string} name @param {Json | undefined} schema @returns {string} */
  #declare(name, schema) {
    if (!IDENTIFIER.test(name) || name === this.lib)
      throw new Error(`component name ${name} cannot name a constant of the generated module`);
    // A component that is only a reference is the same check under another name.
    if (
      isObject(schema) &&
      schema.$ref !== undefined &&
      Object.keys(schema).every((k) => k === "$ref" || ANNOTATIONS.has(k))
    )
      return this.#code(schema, "request", name);
    if (!this.#declared.has(name)) {
      if (this.#visiting.has(name))
        throw new Error(`component ${name} refers to itself: not supported`);
      this.#visiting.add(name);
      const body = this.#code(schema, "request", `${COMPONENT}${name}`);
      this.#visiting.delete(name);
      this.#declared.set(name, body);
    }
    // Components that check the same (GetGroupDataRequest, LeaveGroupRequest) share one check.
    const body = /** @type {string} */ (this.#declared.get(name));
    return [...this.#declared].find(([, other]) => other === body)?.[0] ?? name;
  }
}
