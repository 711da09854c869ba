// Reads operations, their first request example and their success response out of the bundled
// spec, following local $refs, so every page and sample is derived from the one document.
import { getAt } from "./pointer.mjs";

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * @typedef {Record<string, any>} Json
 * @typedef {object} Operation
 * @property {string} path
 * @property {string} method
 * @property {string} operationId
 * @property {Json} operation the operation object itself (in the document, not a copy)
 */

/**
 * Follows a local $ref chain to the object it names.
 * @param {Json} spec
 * @param {any} node
 * @returns {any}
 */
export function resolve(spec, node) {
  let current = node;
  for (let hops = 0; current && typeof current.$ref === "string"; hops++) {
    if (hops > 20 || !current.$ref.startsWith("#"))
      throw new Error(`cannot follow ${current.$ref}`);
    current = getAt(spec, current.$ref.slice(1));
  }
  return current;
}

/**
 * Every operation in document order (paths, then methods in HTTP order).
 * @param {Json} spec
 * @returns {Operation[]}
 */
export function listOperations(spec) {
  /** @type {Operation[]} */
  const operations = [];
  for (const [path, rawItem] of Object.entries(spec.paths ?? {})) {
    const item = resolve(spec, rawItem);
    for (const method of HTTP_METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      if (typeof operation.operationId !== "string") {
        throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      }
      operations.push({ path, method, operationId: operation.operationId, operation });
    }
  }
  return operations;
}

/**
 * The order a reader meets the operations in: by the spec's tag order (x-tagGroups first when
 * present), then document order inside a tag. Untagged operations come last.
 * @param {Json} spec
 * @returns {{ tag: string | undefined, operations: Operation[] }[]}
 */
export function operationsByTag(spec) {
  const operations = listOperations(spec);
  const declared = (spec.tags ?? []).map((/** @type {Json} */ tag) => tag.name);
  const grouped = (spec["x-tagGroups"] ?? []).flatMap((/** @type {Json} */ group) => group.tags);
  const order = grouped.length > 0 ? grouped : declared;
  for (const { operation } of operations) {
    for (const tag of operation.tags ?? []) if (!order.includes(tag)) order.push(tag);
  }
  /** @type {{ tag: string | undefined, operations: Operation[] }[]} */
  const sections = order.map((/** @type {string} */ tag) => ({
    tag,
    operations: operations.filter(({ operation }) => (operation.tags ?? []).includes(tag)),
  }));
  const untagged = operations.filter(({ operation }) => (operation.tags ?? []).length === 0);
  if (untagged.length > 0) sections.push({ tag: undefined, operations: untagged });
  return sections.filter((section) => section.operations.length > 0);
}

/**
 * The operation's request body: media type, schema and first example value.
 * @param {Json} spec
 * @param {Json} operation
 */
export function firstRequestExample(spec, operation) {
  const body = resolve(spec, operation.requestBody);
  if (!body?.content) return undefined;
  const [mediaType, rawMedia] = Object.entries(body.content)[0] ?? [];
  if (!mediaType) return undefined;
  const media = resolve(spec, rawMedia);
  const firstNamed = Object.values(media.examples ?? {})[0];
  const value = firstNamed !== undefined ? resolve(spec, firstNamed)?.value : media.example;
  if (value === undefined) throw new Error(`${operation.operationId} has no request example`);
  return { mediaType, media, schema: resolve(spec, media.schema), value };
}

/**
 * Every named example of the operation's request body, in document order (the inline
 * `example` as one unnamed entry when there are none).
 * @param {Json} spec
 * @param {Json} operation
 * @returns {{ key: string, summary: string | undefined, value: unknown }[]}
 */
export function requestExamples(spec, operation) {
  const first = firstRequestExample(spec, operation);
  if (!first) return [];
  const named = Object.entries(first.media.examples ?? {}).map(([key, raw]) => {
    const example = resolve(spec, raw);
    return { key, summary: example?.summary, value: example?.value };
  });
  return named.length > 0 ? named : [{ key: "example", summary: undefined, value: first.value }];
}

/**
 * The JSON schema of the operation's first 2xx response, if any.
 * @param {Json} spec
 * @param {Json} operation
 */
export function successSchema(spec, operation) {
  const [, rawResponse] =
    Object.entries(operation.responses ?? {}).find(([code]) => /^2\d\d$/.test(code)) ?? [];
  const response = resolve(spec, rawResponse);
  const media = response?.content?.["application/json"];
  return media ? resolve(spec, media.schema) : undefined;
}

/**
 * The server URL with every variable at its default.
 * @param {Json} spec
 */
export function defaultServerUrl(spec) {
  const server = spec.servers?.[0];
  if (!server) throw new Error("the spec names no server");
  return String(server.url).replace(/\{([^}]+)\}/g, (_match, name) => {
    const fallback = server.variables?.[name]?.default;
    if (fallback === undefined) throw new Error(`server variable ${name} has no default`);
    return fallback;
  });
}
