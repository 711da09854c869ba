// Rendering fixes that keep the document's meaning: Redoc draws a property whose schema is
// `false` (forbidden) as a field of type "any", the opposite of what it says.

/**
 * A copy of the spec without the `false` properties that `additionalProperties: false` already
 * forbids, so a oneOf branch lists only the fields it accepts.
 * @template T
 * @param {T} spec
 * @returns {T}
 */
export function withoutImpliedForbiddenProperties(spec) {
  const copy = structuredClone(spec);
  visit(copy);
  return copy;
}

/** @param {unknown} node */
function visit(node) {
  if (Array.isArray(node)) {
    node.forEach(visit);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const schema = /** @type {Record<string, unknown>} */ (node);
  const properties = schema.properties;
  if (schema.additionalProperties === false && properties && typeof properties === "object") {
    for (const [name, value] of Object.entries(properties)) {
      if (value === false) delete (/** @type {Record<string, unknown>} */ (properties)[name]);
    }
  }
  Object.values(schema).forEach(visit);
}
