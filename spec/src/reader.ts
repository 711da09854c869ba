// What every part of the operation listing shares: the resolver, the schema reader, and two
// small readers that fail loudly, with the pointer, on a node of the wrong kind.
import { SpecModelError } from "./errors.js";
import { isObject, type Json, type JsonObject } from "./json.js";
import type { Resolver } from "./references.js";
import type { SchemaReader } from "./schemas.js";

export interface Reader {
  resolver: Resolver;
  schemas: SchemaReader;
  /** The object a node is (its `$ref` followed); throws when it is none. */
  object(node: Json | undefined, at: string): JsonObject;
}

export function createReader(resolver: Resolver, schemas: SchemaReader): Reader {
  return {
    resolver,
    schemas,
    object(node, at) {
      const resolved = resolver.resolve(node, at);
      if (!isObject(resolved)) throw new SpecModelError("expected an object", at);
      return resolved;
    },
  };
}

/** A string, or undefined for anything else. */
export const text = (value: Json | undefined): string | undefined =>
  typeof value === "string" ? value : undefined;
