// The docs' view of the spec, read through the spec model (@greenspec/spec/model): operations,
// their first request example and success schema, and the default server. The docs work on
// copies of the bundled document (translated, with code samples), so each call reads the
// document it is given; operations are the objects in that document, not copies.
import { createSpecModel } from "@greenspec/spec/model";

/**
 * @typedef {Record<string, any>} Json
 * @typedef {object} Operation
 * @property {string} path
 * @property {string} method
 * @property {string} operationId
 * @property {Json} operation the operation object itself (in the document, not a copy)
 */

/**
 * One model per document object. The model keeps references into the document, so prose and
 * keys added later (translations, x-codeSamples) are seen; the docs never move a `$ref` or an
 * operation of a document after reading it.
 * @type {WeakMap<Json, import("@greenspec/spec/model").SpecModel>}
 */
const models = new WeakMap();

/** @param {Json} spec */
function modelOf(spec) {
  let model = models.get(spec);
  if (!model) {
    model = createSpecModel(spec);
    models.set(spec, model);
  }
  return model;
}

/**
 * Follows a local $ref chain to the object it names (a dangling or cyclic one throws).
 * @param {Json} spec
 * @param {any} node
 * @returns {any}
 */
export function resolve(spec, node) {
  return modelOf(spec).resolve(node);
}

/**
 * Every operation in document order (paths, then methods in HTTP order).
 * @param {Json} spec
 * @returns {Operation[]}
 */
export function listOperations(spec) {
  return modelOf(spec).operations.map((operation) => ({
    path: operation.path,
    method: operation.method,
    operationId: operation.id,
    operation: operation.raw,
  }));
}

/**
 * The order a reader meets the operations in: by the spec's tag order (x-tagGroups first when
 * present), then document order inside a tag. Untagged operations come last.
 * @param {Json} spec
 * @returns {{ tag: string | undefined, operations: Operation[] }[]}
 */
export function operationsByTag(spec) {
  const model = modelOf(spec);
  const operations = listOperations(spec);
  const grouped = (spec["x-tagGroups"] ?? []).flatMap((/** @type {Json} */ group) => group.tags);
  const order = grouped.length > 0 ? grouped : model.tags.map((tag) => tag.name);
  for (const operation of model.operations) {
    for (const tag of operation.tags) if (!order.includes(tag)) order.push(tag);
  }
  const tagsOf = (/** @type {Operation} */ entry) => model.operation(entry.operationId).tags;
  /** @type {{ tag: string | undefined, operations: Operation[] }[]} */
  const sections = order.map((/** @type {string} */ tag) => ({
    tag,
    operations: operations.filter((entry) => tagsOf(entry).includes(tag)),
  }));
  const untagged = operations.filter((entry) => tagsOf(entry).length === 0);
  if (untagged.length > 0) sections.push({ tag: undefined, operations: untagged });
  return sections.filter((section) => section.operations.length > 0);
}

/**
 * @param {Json} spec
 * @param {Json} operation the operation object, as listOperations gives it
 */
function modelOperation(spec, operation) {
  const found = modelOf(spec).operations.find((entry) => entry.raw === operation);
  if (!found) throw new Error(`${operation?.operationId} is not an operation of this document`);
  return found;
}

/**
 * The operation's request body: media type, schema, file parts and first example value.
 * @param {Json} spec
 * @param {Json} operation
 */
export function firstRequestExample(spec, operation) {
  const request = modelOperation(spec, operation).request;
  if (!request) return undefined;
  const [first] = request.examples;
  if (first === undefined) throw new Error(`${operation.operationId} has no request example`);
  return {
    mediaType: request.mediaType,
    /** @type {Json} */
    schema: /** @type {Json} */ (request.resolvedSchema),
    files: request.files,
    value: /** @type {Json} */ (first.value),
  };
}

/**
 * The JSON schema of the operation's success body (an error-envelope branch left out), if any.
 * @param {Json} spec
 * @param {Json} operation
 * @returns {Json | undefined}
 */
export function successSchema(spec, operation) {
  const { success } = modelOperation(spec, operation);
  if (success.mediaType !== "application/json" || success.body === undefined) return undefined;
  return /** @type {Json} */ (modelOf(spec).resolve(success.body));
}

/**
 * The server URL with every variable at its default.
 * @param {Json} spec
 */
export function defaultServerUrl(spec) {
  return modelOf(spec).defaultServerUrl();
}
