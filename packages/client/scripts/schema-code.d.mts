// Types of schema-code.mjs, for the tests that drive it.
export interface SchemaCode {
  /** Code that checks `schema` in request mode. */
  request(schema: unknown, where: string): string;
  /** Code that checks a multipart body: binary parts accept anything. */
  multipart(schema: unknown, where: string): string;
  /** Code that checks the shape of `schema` (for 200 bodies). */
  shape(schema: unknown, where: string): string;
  /** For a body that is a oneOf of objects: the fields that pick each branch, or undefined. */
  picks(schema: unknown): string[][] | undefined;
  /** `const Name = ...;` for every component used so far, each after the ones it uses. */
  declarations(): string[];
}

/** A name that can stand as a JS identifier (a constant, an object key, a method). */
export const IDENTIFIER: RegExp;

/** A schema for a file part: the multipart body sends it as bytes, not as text. */
export function isBinary(schema: unknown): boolean;

export function schemaCode(options?: {
  components?: Record<string, unknown>;
  lib?: string;
}): SchemaCode;
