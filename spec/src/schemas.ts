// What consumers ask of a schema: is it a file, which fields pick a `oneOf` branch, which fields
// a body has. Schemas here are the document's own; `$ref`s are followed by the resolver.
import { SpecModelError } from "./errors.js";
import { isObject, type Json, type JsonObject, type Schema } from "./json.js";
import { pointerOf } from "./pointer.js";
import type { Resolver } from "./references.js";

/** A property of a request body, gathered over every branch of the body. */
export interface BodyField {
  name: string;
  /** The property's schema, its own `$ref` followed. */
  schema: Schema;
  /** The property's own description, else its target's. */
  description: string | undefined;
  /** Required in every branch of the body. */
  required: boolean;
  /** A file part (see `isFile`). */
  file: boolean;
}

export function createSchemaReader(resolver: Resolver) {
  const schemaAt = (node: Json | undefined, at: string): Schema => {
    const schema = resolver.resolve(node, at);
    if (typeof schema === "boolean" || isObject(schema)) return schema;
    throw new SpecModelError(`not a schema: ${JSON.stringify(schema)}`, at);
  };

  /**
   * A file: a string sent as bytes. `format: binary` (OpenAPI 3.0 style) or a
   * `contentMediaType` without `contentEncoding` (3.1; with an encoding it is text).
   */
  function isFile(schema: Json | undefined, at = "#"): boolean {
    const resolved = schemaAt(schema, at);
    if (!isObject(resolved)) return false;
    if (resolved.type !== undefined && resolved.type !== "string") return false;
    return (
      resolved.format === "binary" ||
      (typeof resolved.contentMediaType === "string" && resolved.contentEncoding === undefined)
    );
  }

  /** The branches of a `oneOf`/`anyOf` schema, each resolved; the schema alone otherwise. */
  function branchesOf(schema: Json | undefined, at: string): { schema: Schema; at: string }[] {
    const resolved = schemaAt(schema, at);
    const where = resolver.pointerOf(schema, at);
    if (!isObject(resolved)) return [{ schema: resolved, at: where }];
    if (resolved.allOf !== undefined)
      throw new SpecModelError("allOf is not supported (Prism skips what is inside it)", where);
    const keyword =
      resolved.oneOf !== undefined ? "oneOf" : resolved.anyOf !== undefined ? "anyOf" : undefined;
    if (keyword === undefined) return [{ schema: resolved, at: where }];
    const list = resolved[keyword];
    if (!Array.isArray(list)) throw new SpecModelError(`${keyword} is not a list`, where);
    return list.flatMap((branch, i) => branchesOf(branch, pointerOf(where, keyword, i)));
  }

  const requiredOf = (schema: Schema): string[] =>
    isObject(schema) && Array.isArray(schema.required)
      ? schema.required.filter((name): name is string => typeof name === "string")
      : [];

  /**
   * For a `oneOf` of objects: per branch, the required fields that pick it (required there but
   * not in every branch). Exactly one branch's fields may be given. Empty when the schema is no
   * `oneOf`, or some branch has no field of its own.
   */
  function exactlyOneOf(schema: Json | undefined, at = "#"): string[][] {
    const resolved = schemaAt(schema, at);
    if (!isObject(resolved) || !Array.isArray(resolved.oneOf)) return [];
    const where = resolver.pointerOf(schema, at);
    const required = resolved.oneOf.map((branch, i) => {
      const target = schemaAt(branch, pointerOf(where, "oneOf", i));
      return isObject(target) && Array.isArray(target.required) ? requiredOf(target) : undefined;
    });
    if (required.length === 0 || required.some((list) => list === undefined)) return [];
    const lists = required as string[][];
    const picks = lists.map((list) =>
      list.filter((name) => !lists.every((other) => other.includes(name))),
    );
    return picks.every((fields) => fields.length > 0) ? picks : [];
  }

  /**
   * For a `oneOf` of objects: the fields every branch requires, as one object schema, their
   * schemas as the first branch writes them. Undefined when there is no such `oneOf`.
   */
  function commonSchema(schema: Json | undefined, at = "#"): JsonObject | undefined {
    const resolved = schemaAt(schema, at);
    if (!isObject(resolved) || !Array.isArray(resolved.oneOf)) return undefined;
    const where = resolver.pointerOf(schema, at);
    const branches = resolved.oneOf
      .map((branch, i) => schemaAt(branch, pointerOf(where, "oneOf", i)))
      .filter(isObject);
    const [first] = branches;
    if (!first) return undefined;
    const shared = requiredOf(first).filter((name) =>
      branches.every((branch) => requiredOf(branch).includes(name)),
    );
    const properties = isObject(first.properties) ? first.properties : {};
    return {
      type: "object",
      required: shared,
      properties: Object.fromEntries(shared.map((name) => [name, properties[name] ?? true])),
    };
  }

  /** Every property of a body over its branches, in first-seen order; `false` ones left out. */
  function fieldsOf(schema: Json | undefined, at: string): BodyField[] {
    const branches = branchesOf(schema, at);
    const fields = new Map<string, BodyField>();
    for (const branch of branches) {
      if (!isObject(branch.schema) || !isObject(branch.schema.properties)) continue;
      for (const [name, raw] of Object.entries(branch.schema.properties)) {
        if (raw === false || fields.has(name)) continue;
        const where = pointerOf(branch.at, "properties", name);
        const target = schemaAt(raw, where);
        const own = isObject(raw) ? raw.description : undefined;
        const description = own ?? (isObject(target) ? target.description : undefined);
        fields.set(name, {
          name,
          schema: target,
          description: typeof description === "string" ? description : undefined,
          required: branches.every((b) => requiredOf(b.schema).includes(name)),
          file: isFile(target, where),
        });
      }
    }
    return [...fields.values()];
  }

  return { schemaAt, isFile, branchesOf, exactlyOneOf, commonSchema, fieldsOf };
}

export type SchemaReader = ReturnType<typeof createSchemaReader>;
