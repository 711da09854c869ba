// Masking a parsed value: every string in it, keys included, for what goes into an error, a
// journal or a line of output.

/** Nesting past this is cut (as `[too deep]`) unless told: no body we show needs more. */
export const MAX_DEPTH = 8;

/**
 * A copy of plain data with every string (keys too) passed through `redact`; nesting past
 * `maxDepth` becomes `[too deep]`, so a hostile value cannot overflow the stack.
 */
export function redactDeep(
  value: unknown,
  redact: (text: string) => string,
  maxDepth = MAX_DEPTH,
): unknown {
  const walk = (node: unknown, depth: number): unknown => {
    if (typeof node === "string") return redact(node);
    if (!node || typeof node !== "object") return node;
    if (depth > maxDepth) return "[too deep]";
    if (Array.isArray(node)) return node.map((item) => walk(item, depth + 1));
    return Object.fromEntries(
      Object.entries(node).map(([key, item]) => [redact(key), walk(item, depth + 1)]),
    );
  };
  return walk(value, 0);
}
