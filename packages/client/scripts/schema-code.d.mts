// Types of schema-code.mjs, for the tests that drive it.
export interface SchemaCode {
  /** Code that checks `schema` in request mode. */
  request(schema: unknown, where: string): string;
  /** Code that checks a multipart body: binary parts accept anything. */
  multipart(schema: unknown, where: string): string;
  /** Code that checks the shape of `schema` (for 200 bodies). */
  shape(schema: unknown, where: string): string;
  /** `const Name = ...;` for every component used so far, each after the ones it uses. */
  declarations(): string[];
}

export function schemaCode(options?: {
  components?: Record<string, unknown>;
  lib?: string;
}): SchemaCode;
