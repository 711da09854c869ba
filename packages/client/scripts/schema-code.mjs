// @ts-check
// Turns the spec's JSON Schemas into JS code: calls to the checks of src/validation.ts with
// literal arguments. Only the keywords listed here are understood; any other one fails the build,
// so a keyword the spec starts to use can never be skipped in silence. References are followed,
// and files told apart, by the spec model (@greenspec/spec/model), never here.

/**
 * @typedef {import("@greenspec/spec/model").SpecModel} SpecModel
 * @typedef {import("@greenspec/spec/model").Json} Json
 * @typedef {import("@greenspec/spec/model").JsonObject} JsonObject
 * @typedef {"request" | "shape" | "multipart"} Mode
 */

// Annotations: they change no verdict.
const ANNOTATIONS = new Set(["description", "title", "examples", "example", "$comment"]);

// What a 200 body is checked for: its shape (types, required fields, branches). Patterns and
// bounds are the service's business there, and a new id form must not fail a working call.
const SHAPE_IGNORES = new Set([
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
const KEYWORDS = {
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
const INTEGER_FORMATS = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/** A name that can stand as a JS identifier (a constant, an object key, a method). */
export const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const COMPONENT = "#/components/schemas/";

/** A JS literal for a JSON value. @param {unknown} value */
const literal = (value) => JSON.stringify(value);

/** A property name as an object literal key. @param {string} name */
function key(name) {
  if (name === "__proto__") throw new Error(`a property named ${name} cannot be checked`);
  return IDENTIFIER.test(name) ? name : literal(name);
}

/** Arguments with the trailing defaults (undefined) left off. @param {(string | undefined)[]} list */
function args(...list) {
  while (list.length && list[list.length - 1] === undefined) list.pop();
  return list.map((item) => (item === undefined ? "undefined" : item)).join(", ");
}

/**
 * A code writer over the schemas of `model`'s document. `lib` is the name the generated module
 * imports src/validation.ts as. Component schemas used in request mode become named constants
 * (`declarations()`), shared by every schema that refers to them.
 * @param {{ model: SpecModel, lib?: string }} options
 */
export function schemaCode({ model, lib = "c" }) {
  /** @type {Map<string, string>} component name -> code, in dependency order */
  const declared = new Map();
  /** A check of types alone. Written out at each use: gzip packs the repeats better than names. @param {string[]} names */
  const typeCheck = (...names) =>
    names.join() === "integer" ? `${lib}.int()` : `${lib}.is(${names.map(literal).join(", ")})`;
  /** @type {Set<string>} */
  const visiting = new Set();

  /** A component's name and schema; the model fails loudly on a dangling reference. @param {unknown} ref @param {string} where */
  function component(ref, where) {
    if (typeof ref !== "string" || !ref.startsWith(COMPONENT))
      throw new Error(`${where}: only ${COMPONENT}* references are supported, not ${String(ref)}`);
    // A component that is only a reference to another is the same check: name it after the last.
    const at = model.pointerOf({ $ref: ref }, where);
    const name = at.slice(COMPONENT.length);
    if (!at.startsWith(COMPONENT) || name.includes("/"))
      throw new Error(`${where}: ${ref} leads to ${at}, which is not a component schema`);
    return { name, schema: model.resolve({ $ref: ref }, where) };
  }

  /** Fails on a keyword that `allowed` does not list. @param {JsonObject} schema @param {string[]} allowed @param {string} where */
  function only(schema, allowed, where) {
    for (const name of Object.keys(schema)) {
      if (ANNOTATIONS.has(name) || name.startsWith("x-") || allowed.includes(name)) continue;
      throw new Error(
        `${where}: the keyword "${name}" is not supported by scripts/schema-code.mjs (add it there and to src/validation.ts)`,
      );
    }
  }

  /** @param {JsonObject} schema @param {string} where */
  function kindOf(schema, where) {
    if (schema.oneOf !== undefined) return "oneOf";
    if (schema.anyOf !== undefined) return "anyOf";
    if (Array.isArray(schema.type)) return "types";
    if (typeof schema.type === "string" && KEYWORDS[schema.type]) return schema.type;
    throw new Error(`${where}: a schema needs a supported "type", "oneOf" or "anyOf"`);
  }

  /** For a oneOf of objects: the fields that pick each branch (the model's exactly-one-of groups). @param {Json[]} branches */
  function picksOf(branches) {
    const picks = model.exactlyOneOf({ oneOf: branches });
    return picks.length > 0 ? picks : undefined;
  }

  /**
   * Code for one schema. Modes: "request" checks every rule; "shape" checks types, required
   * fields and branches only (oneOf read as anyOf); "multipart" is request mode where binary
   * parts accept anything (the client checks them as Blob or bytes).
   * @param {Json | undefined} schema @param {Mode} mode @param {string} where @param {number} depth
   * @returns {string}
   */
  function code(schema, mode, where, depth = 0) {
    if (depth > 32) throw new Error(`${where}: schema too deep (recursive?)`);
    if (schema === true) return `${lib}.any`;
    if (schema === false) return `${lib}.never`;
    if (typeof schema !== "object" || schema === null || Array.isArray(schema))
      throw new Error(`${where}: not a schema: ${literal(schema)}`);
    if (schema.$ref !== undefined) {
      only(schema, ["$ref"], where);
      const { name, schema: target } = component(schema.$ref, where);
      if (mode === "shape") return code(target, mode, `${where} -> ${name}`, depth + 1);
      if (mode === "multipart" && model.isFile(target)) return `${lib}.any`;
      return declare(name, target);
    }
    // The schema's own words for what a value must be: a failure of the value itself says them.
    const expected = mode === "shape" ? undefined : model.expectedOf(schema, where);
    if (expected !== undefined) {
      const { "x-greenspec-expected": _, ...rules } = schema;
      return `${lib}.said(${code(rules, mode, where, depth)}, ${literal(expected)})`;
    }
    // Only annotations: any value will do, as with `true`.
    if (Object.keys(schema).every((name) => ANNOTATIONS.has(name) || name.startsWith("x-")))
      return `${lib}.any`;
    if (mode === "multipart" && model.isFile(schema)) {
      only(schema, ["type", "format", "contentMediaType"], where);
      return `${lib}.any`;
    }
    /** @param {Json | undefined} value @param {string} path */
    const sub = (value, path) => code(value, mode, `${where}${path}`, depth + 1);
    const shape = mode === "shape";
    const kind = kindOf(schema, where);
    const rules = shape
      ? Object.fromEntries(Object.entries(schema).filter(([name]) => !SHAPE_IGNORES.has(name)))
      : schema;
    if (kind === "types") {
      only(rules, ["type"], where);
      const types = /** @type {Json[]} */ (schema.type);
      const names = types.filter((type) => typeof type === "string");
      if (
        names.length !== types.length ||
        names.some((t) => !["string", "boolean", "null"].includes(t))
      )
        throw new Error(`${where}: the type list ${literal(schema.type)} is not supported`);
      return typeCheck(...names);
    }
    only(rules, KEYWORDS[kind] ?? [], where);
    switch (kind) {
      case "oneOf":
      case "anyOf": {
        const list = schema[kind];
        if (!Array.isArray(list) || !list.length) throw new Error(`${where}: empty ${kind}`);
        if (schema.type !== undefined) redundantType(schema, where);
        const branches = list.map((branch, i) => sub(branch, `/${kind}/${i}`));
        if (kind === "anyOf" || shape) {
          // In a shape, branches may become the same (ParticipantId's two id forms are strings).
          const distinct = [...new Set(branches)];
          const [first] = distinct;
          return distinct.length === 1 && first ? first : `${lib}.some(${distinct.join(", ")})`;
        }
        const picks = picksOf(list);
        return `${lib}.one([${branches.join(", ")}]${picks ? `, ${literal(picks)}` : ""})`;
      }
      case "object": {
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
      case "array": {
        if (schema.items === undefined) throw new Error(`${where}: an array needs "items"`);
        const item = sub(schema.items, "/items");
        const min = shape ? undefined : count(schema.minItems, where);
        const unique = !shape && schema.uniqueItems === true;
        if (unique) primitiveItems(schema.items, `${where}/items`);
        const max = shape ? undefined : count(schema.maxItems, where);
        const least = min ?? (unique || max !== undefined ? 0 : undefined);
        const once = unique ? "true" : max === undefined ? undefined : "false";
        return `${lib}.arr(${args(item, least?.toString(), once, max?.toString())})`;
      }
      case "string": {
        if (shape) return typeCheck("string");
        const pattern = schema.pattern === undefined ? undefined : regex(schema.pattern, where);
        const max = count(schema.maxLength, where);
        const min = count(schema.minLength, where) ?? (max === undefined ? undefined : 0);
        return `${lib}.str(${args(pattern, min?.toString(), max?.toString())})`;
      }
      case "integer": {
        if (shape) return typeCheck("integer");
        let min = bound(schema.minimum, where);
        let max = bound(schema.maximum, where);
        if (schema.format !== undefined) {
          const range =
            typeof schema.format === "string" ? INTEGER_FORMATS[schema.format] : undefined;
          if (!range)
            throw new Error(`${where}: the integer format "${schema.format}" is not supported`);
          // Only the part of the format's range that the bounds do not already cover.
          if (min === undefined || min < range[0]) min = range[0];
          if (max === undefined || max > range[1]) max = range[1];
        }
        return `${lib}.int(${args(min?.toString(), max?.toString())})`;
      }
      case "boolean":
        return typeCheck("boolean");
    }
    throw new Error(`${where}: unreachable`);
  }

  /**
   * `type` beside oneOf is not checked on its own, so it is allowed only where every branch
   * already states the same primitive type (ParticipantId: two string forms); tools that need
   * one type for a field read it there. Anything else fails loudly.
   * @param {JsonObject} schema @param {string} where
   */
  function redundantType(schema, where) {
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

  /** uniqueItems is checked with a Set: exact only for items of a primitive type. @param {Json | undefined} items @param {string} where */
  function primitiveItems(items, where) {
    const schema = model.resolve(items, where);
    const type = isObject(schema) ? schema.type : undefined;
    if (typeof type !== "string" || !["string", "integer", "boolean"].includes(type))
      throw new Error(
        `${where}: uniqueItems is supported on string, integer or boolean items only`,
      );
  }

  /** @param {string} name @param {Json | undefined} schema @returns {string} */
  function declare(name, schema) {
    if (!IDENTIFIER.test(name) || name === lib)
      throw new Error(`component name ${name} cannot name a constant of the generated module`);
    // A component that is only a reference is the same check under another name.
    if (
      isObject(schema) &&
      schema.$ref !== undefined &&
      Object.keys(schema).every((k) => k === "$ref" || ANNOTATIONS.has(k))
    )
      return code(schema, "request", name);
    if (!declared.has(name)) {
      if (visiting.has(name)) throw new Error(`component ${name} refers to itself: not supported`);
      visiting.add(name);
      const body = code(schema, "request", `#/components/schemas/${name}`);
      visiting.delete(name);
      declared.set(name, body);
    }
    // Components that check the same (GetGroupDataRequest, LeaveGroupRequest) share one check.
    const body = /** @type {string} */ (declared.get(name));
    return [...declared].find(([, other]) => other === body)?.[0] ?? name;
  }

  return {
    /** Code that checks `schema` in request mode. @param {Json | undefined} schema @param {string} where */
    request: (schema, where) => code(schema, "request", where),
    /** Code that checks a multipart body: binary parts accept anything. @param {Json | undefined} schema @param {string} where */
    multipart: (schema, where) => code(schema, "multipart", where),
    /** Code that checks the shape of `schema` (for 200 bodies). @param {Json | undefined} schema @param {string} where */
    shape: (schema, where) => code(schema, "shape", where),
    /** `const Name = ...;` for every component used so far, each after the ones it uses. */
    declarations: () =>
      [...declared]
        .filter(([name, body]) => [...declared].find(([, other]) => other === body)?.[0] === name)
        .map(([name, body]) => `const ${name} = ${body};`),
  };
}

/** @param {Json | undefined} value @param {string} where */
function count(value, where) {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)
    throw new Error(`${where}: a count must be a non-negative integer, not ${literal(value)}`);
  return value;
}

/** @param {Json | undefined} value @param {string} where */
function bound(value, where) {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new Error(`${where}: a bound must be a finite number, not ${literal(value)}`);
  return value;
}

/** @param {unknown} value @returns {value is JsonObject} */
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A regex literal with the `u` flag (as ajv builds it), whose `source` is the spec's text. @param {Json} pattern @param {string} where */
function regex(pattern, where) {
  if (typeof pattern !== "string") throw new Error(`${where}: pattern must be a string`);
  const compiled = new RegExp(pattern, "u");
  if (compiled.source !== pattern)
    throw new Error(`${where}: pattern ${literal(pattern)} cannot be written as a regex literal`);
  return `/${pattern}/u`;
}
