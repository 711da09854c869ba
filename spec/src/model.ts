// @greenspec/spec/model: the one reading of the spec. It locates the bundled document, follows
// its `$ref`s (a dangling or cyclic one fails loudly, with its pointer) and lists the operations
// with what the client's generator, the CLI, the docs, the mock and the tests need. It imports no
// Node built-in and reads no file at run time, so it runs in a browser too.
import { errorEnvelopeOf } from "./error-envelope.js";
import { SpecModelError } from "./errors.js";
import { expectedOf } from "./extensions.js";
import { document as bundled } from "./generated/document.js";
import { deepFreeze, isObject, type Json, type JsonObject, type Schema } from "./json.js";
import { listOperations } from "./operations.js";
import { createReader } from "./reader.js";
import { checkReferences, createResolver } from "./references.js";
import { createSchemaReader } from "./schemas.js";
import { defaultServerUrl } from "./servers.js";
import type { ErrorEnvelope, Operation, Tag } from "./types.js";

export * from "./types.js";
export type { Json, JsonObject, Schema };
/** Whether a JSON value is an object (not null, not an array): the one such check of the workspace. */
export { isObject, SpecModelError };

export interface SpecModel {
  /** The whole document (frozen in the bundled model). */
  readonly document: JsonObject;
  /** Every operation, in document order. */
  readonly operations: readonly Operation[];
  /** The declared tags, in order. */
  readonly tags: readonly Tag[];
  /**
   * The error envelope the success answers offer beside their body; undefined when none does.
   * Read on first use: throws when they offer different ones, or it has no integer property.
   */
  readonly errorEnvelope: ErrorEnvelope | undefined;
  /** The operation with this operationId; throws when there is none. */
  operation(id: string): Operation;
  /** The node a `$ref` chain ends at; `at` is the node's pointer, for the error message. */
  resolve(node: Json | undefined, at?: string): Json | undefined;
  /** The pointer of the node a `$ref` chain ends at (`at` when the node is no reference). */
  pointerOf(node: Json | undefined, at?: string): string;
  /** The node with every `$ref` inside replaced by its target (throws on a recursive schema). */
  resolveDeep(node: Json | undefined, at?: string): Json | undefined;
  /** A file: a string sent as bytes (`format: binary`, or `contentMediaType` without `contentEncoding`). */
  isFile(schema: Json | undefined): boolean;
  /** The alternatives of a schema: its `oneOf`/`anyOf` branches (recursively), each resolved; else itself. */
  branchesOf(schema: Json | undefined): Schema[];
  /** For a `oneOf` of objects: per branch, the fields that pick it; [] when there is no such choice. */
  exactlyOneOf(schema: Json | undefined): string[][];
  /** The first server's URL, every variable at its default. */
  defaultServerUrl(): string;
  /** What a value must be in a user's words (`x-greenspec-expected` on the schema a `$ref` ends at). */
  expectedOf(schema: Json | undefined, at?: string): string | undefined;
}

/**
 * A model over any OpenAPI 3.1 document (tests and the docs use their own); checks every `$ref`
 * first. The document is read as it is, neither copied nor frozen: a change made to it later is
 * not seen by the lists already made.
 */
export function createSpecModel(document: JsonObject): SpecModel {
  const resolver = createResolver(document);
  checkReferences(document, resolver);
  const schemas = createSchemaReader(resolver);
  const operations = listOperations(document, createReader(resolver, schemas));
  const tags = (Array.isArray(document.tags) ? document.tags : []).filter(isObject).map((tag) => ({
    name: String(tag.name),
    description: typeof tag.description === "string" ? tag.description : undefined,
  }));
  let envelope: { value: ErrorEnvelope | undefined } | undefined;
  return {
    document,
    operations,
    tags,
    get errorEnvelope() {
      envelope ??= { value: errorEnvelopeOf(operations, resolver) };
      return envelope.value;
    },
    operation(id) {
      const found = operations.find((operation) => operation.id === id);
      if (!found) throw new SpecModelError(`no operation ${id}`, "#/paths");
      return found;
    },
    resolve: (node, at = "#") => resolver.resolve(node, at),
    pointerOf: (node, at = "#") => resolver.pointerOf(node, at),
    resolveDeep: (node, at = "#") => resolver.resolveDeep(node, at),
    isFile: (schema) => schemas.isFile(schema),
    branchesOf: (schema) => schemas.branchesOf(schema, "#").map((branch) => branch.schema),
    exactlyOneOf: (schema) => schemas.exactlyOneOf(schema),
    defaultServerUrl: () => defaultServerUrl(document),
    expectedOf: (schema, at = "#") =>
      expectedOf(resolver.resolve(schema, at), resolver.pointerOf(schema, at)),
  };
}

/**
 * The model of the bundled greenspec document. Its document and lists are frozen, so no consumer
 * can change what the others read.
 */
export const model: SpecModel = (() => {
  const made = createSpecModel(deepFreeze(bundled));
  deepFreeze(made.operations);
  deepFreeze(made.tags);
  return Object.freeze(made);
})();

/**
 * Where the bundled document lies beside this module, for tools that take a file (Prism,
 * Redocly). A URL, not a path: turning it into one (`fileURLToPath`) is the caller's business.
 */
export const documentUrls: { readonly json: URL; readonly yaml: URL } = Object.freeze({
  json: new URL("./openapi.json", import.meta.url),
  yaml: new URL("./openapi.yaml", import.meta.url),
});
