// RFC 6901 JSON pointers: the keys of i18n/ru.yaml address text in the bundled spec this way.

/** @param {string} token */
export function escapeToken(token) {
  return token.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** @param {string} pointer */
export function parsePointer(pointer) {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`not a JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split("/")
    .map((token) => token.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** @param {readonly string[]} tokens */
export function formatPointer(tokens) {
  return tokens.map((token) => `/${escapeToken(token)}`).join("");
}

/**
 * The value a pointer addresses, or undefined when it addresses nothing.
 * @param {unknown} document
 * @param {string} pointer
 * @returns {unknown}
 */
export function getAt(document, pointer) {
  let node = document;
  for (const token of parsePointer(pointer)) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, token)) return undefined;
    node = /** @type {Record<string, unknown>} */ (node)[token];
  }
  return node;
}

/**
 * Replaces the value at an existing pointer (the parent must exist).
 * @param {unknown} document
 * @param {string} pointer
 * @param {unknown} value
 */
export function setAt(document, pointer, value) {
  const tokens = parsePointer(pointer);
  const last = tokens.pop();
  const parent = getAt(document, formatPointer(tokens));
  if (last === undefined || parent === null || typeof parent !== "object") {
    throw new Error(`cannot set ${pointer}: its parent does not exist`);
  }
  /** @type {Record<string, unknown>} */ (parent)[last] = value;
}
