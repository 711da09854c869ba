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

/**
 * A copy of the spec whose descriptions have each paragraph and list item on one line. Markdown
 * renders a soft line break as a space, but Redoc's search index drops it, gluing the words
 * on either side ("and\nanswers" became "andanswers" in search snippets).
 * @template T
 * @param {T} spec
 * @returns {T}
 */
export function withJoinedLines(spec) {
  const copy = structuredClone(spec);
  joinIn(copy);
  return copy;
}

/** @param {unknown} node */
function joinIn(node) {
  if (Array.isArray(node)) {
    node.forEach(joinIn);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const record = /** @type {Record<string, unknown>} */ (node);
  for (const [key, value] of Object.entries(record)) {
    if (key === "description" && typeof value === "string") record[key] = joinSoftBreaks(value);
    else joinIn(value);
  }
}

/**
 * Joins a line to the one before when markdown would: not in a fence, not a blank line, and not
 * the start of a heading, list item, table row, quote or fence.
 * @param {string} markdown
 */
export function joinSoftBreaks(markdown) {
  /** @type {string[]} */
  const out = [];
  let fenced = false;
  let previousJoinable = false;
  for (const line of markdown.split("\n")) {
    const fence = /^\s*(```|~~~)/.test(line);
    if (fence) fenced = !fenced;
    const starts = /^\s*([-*+] |\d+[.)] |#|\||>|```|~~~|\{%)/.test(line) || line.trim() === "";
    if (!fenced && !fence && !starts && previousJoinable && out.length > 0) {
      out[out.length - 1] = `${out[out.length - 1]} ${line.trim()}`;
    } else {
      out.push(line);
    }
    previousJoinable =
      !fenced && !fence && line.trim() !== "" && !/^\s*(#|\||```|~~~|\{%)/.test(line);
  }
  return out.join("\n");
}
