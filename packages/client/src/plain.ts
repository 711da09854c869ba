import { child, type Violation } from "./validation.js";

/** Bounds on a request's shape: far past any real body, so a hostile one is refused at once. */
const MAX_DEPTH = 8;
const MAX_ENTRIES = 10_000;

const refuse = (field: string, rule: string): never => {
  throw { field: field || "body", rule } satisfies Violation;
};

/**
 * What is validated, and so what is sent: a plain copy of the caller's value with its own
 * enumerable properties only (nothing from a prototype, no toJSON), Blobs and bytes kept as
 * they are. Throws a Violation for a value that cannot be read or is too big to be a body.
 */
export function plainCopy(value: unknown, at = "", depth = 0): unknown {
  if (!value || typeof value !== "object" || value instanceof Blob || value instanceof Uint8Array)
    return value;
  if (depth > MAX_DEPTH) refuse(at, `must not nest deeper than ${MAX_DEPTH}`);
  let keys: string[] = [];
  try {
    keys = Array.isArray(value) ? [] : Object.keys(value);
    const list = Array.isArray(value) && value;
    if ((list ? list.length : keys.length) > MAX_ENTRIES)
      refuse(at, `must not hold more than ${MAX_ENTRIES} entries`);
    if (list) return Array.from(list, (item, i) => plainCopy(item, `${at}[${i}]`, depth + 1));
  } catch (thrown) {
    if (thrown && typeof thrown === "object" && "rule" in thrown) throw thrown;
    refuse(at, "could not be read");
  }
  // Every call's body passes here: a plain object is filled key by key (no entry arrays, no
  // path strings unless something is wrong), and only "__proto__" needs defining as a key.
  const copy: Record<string, unknown> = {};
  for (const key of keys) {
    let item: unknown;
    try {
      item = (value as Record<string, unknown>)[key];
    } catch {
      refuse(child(at, key), "could not be read (its getter threw)");
    }
    if (item && typeof item === "object") item = plainCopy(item, child(at, key), depth + 1);
    if (key === "__proto__")
      Object.defineProperty(copy, key, {
        value: item,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else copy[key] = item;
  }
  return copy;
}
