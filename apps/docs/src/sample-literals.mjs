// Values written into a sample as source text: a shell word, a form field, a TypeScript or a
// Python literal, indented the way each language's own formatter would.

/** @param {string} text */
export function shellQuote(text) {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** @param {unknown} value */
export function formText(value) {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** @param {string} key */
export function tsKey(key) {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}

/**
 * A value as a TypeScript literal, indented from `depth` (two spaces a level).
 * @param {unknown} value
 * @param {number} depth
 */
export function tsLiteral(value, depth) {
  return literal(value, depth, { unit: "  ", key: tsKey, scalar: (v) => JSON.stringify(v) });
}

/**
 * A value as a Python literal, indented from `depth` (four spaces a level).
 * @param {unknown} value
 * @param {number} depth
 */
export function pyLiteral(value, depth) {
  return literal(value, depth, {
    unit: "    ",
    key: (k) => JSON.stringify(k),
    scalar: (v) =>
      v === true ? "True" : v === false ? "False" : v === null ? "None" : JSON.stringify(v),
  });
}

/**
 * @param {unknown} value
 * @param {number} depth
 * @param {{ unit: string, key: (k: string) => string, scalar: (v: unknown) => string }} style
 * @returns {string}
 */
function literal(value, depth, style) {
  const pad = (/** @type {number} */ level) => style.unit.repeat(level);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((item) => `${pad(depth + 1)}${literal(item, depth + 1, style)},`);
    return `[\n${items.join("\n")}\n${pad(depth)}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    const items = entries.map(
      ([k, v]) => `${pad(depth + 1)}${style.key(k)}: ${literal(v, depth + 1, style)},`,
    );
    return `{\n${items.join("\n")}\n${pad(depth)}}`;
  }
  return style.scalar(value);
}
