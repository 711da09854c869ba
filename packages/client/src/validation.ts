// The checks the generated validators are built from. scripts/generate.mjs writes calls to them
// with literal arguments taken from the spec; nothing here reads a schema at run time.

/** A failed rule in words: `participantPhone` + `must be at most 999999999999999`. */
export interface Violation {
  field: string;
  rule: string;
}

/**
 * A generated validator: undefined when `value` is valid, else the first rule it breaks (in the
 * order ajv, and so Prism, checks them). `at` is the dotted path of `value`, none at the root.
 */
export type Validator = (value: unknown, at?: string) => Violation | undefined;

// A failure at the root is the body's: path parameters always come as an object of the client's.
const fault = (at: string | undefined, rule: string): Violation => ({ field: at || "body", rule });
// Types in words: "must be a whole number", not "must be of type integer".
const TYPE_WORDS: Record<string, string> = {
  integer: "a whole number",
  string: "text",
  boolean: "true or false",
  object: "an object",
  array: "a list",
  null: "null",
  number: "a number",
};
const notA = (at: string | undefined, type: string) =>
  fault(
    at,
    `must be ${type
      .split(",")
      .map((t) => TYPE_WORDS[t] ?? t)
      .join(" or ")}`,
  );
// A key is named in a message: a huge one is cut (the token in it is masked by the caller).
export const child = (at: string | undefined, key: string | number) => {
  const name = String(key).length > 64 ? `${String(key).slice(0, 64)}...` : key;
  return at ? `${at}.${name}` : `${name}`;
};

/**
 * A value as a message quotes it: numbers as written, text quoted (a long one by its length only:
 * slicing a huge string built by concatenation would first copy it whole), others by kind.
 */
export const shown = (v: unknown): string =>
  typeof v === "string"
    ? v.length > 60
      ? `a text of ${v.length} characters`
      : JSON.stringify(v)
    : typeof v === "number" || typeof v === "boolean" || v === null
      ? String(v)
      : Array.isArray(v)
        ? "a list"
        : v === undefined
          ? "nothing"
          : `a ${typeof v}`;

/**
 * A schema with words of its own (`x-greenspec-expected`): when the value itself breaks a rule,
 * the message says what it must be and what was given ("must be a phone number of 7 to 15
 * digits..., got 12345"); a failure inside it (a field of an object) keeps its own words.
 */
export const said =
  (check: Validator, words: string): Validator =>
  (v, at) => {
    const failed = check(v, at);
    return failed && failed.field === (at || "body")
      ? fault(at, `must be ${words}, got ${shown(v)}`)
      : failed;
  };

/** The `true` schema. */
export const any: Validator = () => undefined;

/** The `false` schema: as a property, the property must be left out. */
export const never: Validator = (_, at) => fault(at, "must not be given");

/** Types with nothing else to check, such as `"boolean"` or `["string", "null"]`. */
export const is =
  (...types: string[]): Validator =>
  (v, at) =>
    types.includes(v === null ? "null" : typeof v) ? undefined : notA(at, types.join());

export const int =
  (min = -Infinity, max = Infinity): Validator =>
  (v, at) =>
    !Number.isInteger(v)
      ? notA(at, "integer")
      : (v as number) > max
        ? fault(at, `must be at most ${max}`)
        : (v as number) < min
          ? fault(at, `must be at least ${min}`)
          : undefined;

export const str = (pattern?: RegExp, min = 0, max = Infinity): Validator => {
  // Made once: a oneOf tries every branch on every call, and most of them fail by pattern.
  const mismatch = pattern && `must match ${pattern.source}`;
  return (v, at) => {
    if (typeof v !== "string") return notA(at, "string");
    // Lengths count code points, as ajv does (and Prism with it). Since code points <= length
    // <= 2 * code points, a UTF-16 length within both bounds skips the count, and one past
    // twice the max is over it without a count: a huge string is refused in constant time.
    const length =
      v.length > 2 * max ? v.length : v.length > max || v.length < 2 * min ? [...v].length : min;
    return length > max
      ? fault(at, `must have at most ${max} characters`)
      : length < min
        ? fault(at, `must have at least ${min} character${min === 1 ? "" : "s"}`)
        : mismatch && !pattern.test(v)
          ? fault(at, mismatch)
          : undefined;
  };
};

export const arr =
  (item: Validator, min = 0, unique = false, max = Infinity): Validator =>
  (v, at) => {
    if (!Array.isArray(v)) return notA(at, "array");
    if (v.length < min) return fault(at, `must list at least ${min}`);
    if (v.length > max) return fault(at, `must list at most ${max}`);
    for (let i = 0; i < v.length; i++) {
      const failed = item(v[i], child(at, i));
      if (failed) return failed;
    }
    // The generator allows uniqueItems on primitive items only: valid ones compare as in ajv.
    if (unique && new Set(v).size < v.length)
      return fault(at, "must not list the same value twice");
  };

/**
 * An object. The generator puts the required properties first, in the spec's order: the first
 * `required` keys of `props` must be present.
 */
export const obj = (
  props: Record<string, Validator>,
  required = 0,
  closed = false,
  minProps = 0,
): Validator => {
  const keys = Object.keys(props);
  const checks = Object.values(props);
  const check: Validator = (v, at) => {
    if (!v || typeof v !== "object" || Array.isArray(v)) return notA(at, "object");
    const o = v as Record<string, unknown>;
    if (minProps && Object.keys(o).length < minProps)
      return fault(at, `must have at least ${minProps} fields`);
    for (let i = 0; i < required; i++)
      if (o[keys[i] as string] === undefined)
        return fault(child(at, keys[i] as string), "is required");
    if (closed)
      for (const key in o)
        if (!keys.includes(key)) return fault(child(at, key), "is not a known field");
    for (let i = 0; i < keys.length; i++) {
      const value = o[keys[i] as string];
      const failed =
        value === undefined ? undefined : checks[i]?.(value, child(at, keys[i] as string));
      if (failed) return failed;
    }
  };
  // Kept on the check for drift.ts, which reports every field that drifted, not the first.
  return Object.assign(check, { props, required });
};

/** anyOf: the first branch's failure when none passes. */
export const some =
  (...branches: Validator[]): Validator =>
  (v, at) => {
    let first: Violation | undefined;
    for (const branch of branches) {
      const failed = branch(v, at);
      if (!failed) return;
      first ??= failed;
    }
    return first;
  };

/** Whether any of the fields is given (a loop, not a closure per call). */
const anyGiven = (o: Record<string, unknown>, fields: string[]) => {
  for (const field of fields) if (o[field] !== undefined) return true;
  return false;
};

/**
 * oneOf. `picks` (from the generator) are the fields that choose each branch, such as
 * participantChatId / participantPhone. Each branch requires its own, so with exactly one given
 * only its branch can pass and its failure is the one to report; "both" and "neither" get words.
 */
export const one =
  (branches: Validator[], picks: string[][] = []): Validator =>
  (v, at) => {
    const o = v && typeof v === "object" ? (v as Record<string, unknown>) : {};
    let given = 0;
    let pick = 0;
    for (let i = 0; i < picks.length; i++)
      if (anyGiven(o, picks[i] ?? [])) {
        given++;
        pick = i;
      }
    if (given === 1) return branches[pick]?.(v, at);
    // Every branch is tried (exactly one may pass), without arrays on the way: this runs for
    // every participant id of every call.
    let passing = 0;
    let first: Violation | undefined;
    for (const branch of branches) {
      const failed = branch(v, at);
      if (!failed) passing++;
      else first ??= failed;
    }
    if (passing === 1) return;
    if (picks.length && v && typeof v === "object")
      return fault(
        picks
          .map((fields) => fields.map((f) => child(at, f)).join(" + "))
          .join(given ? " and " : " or "),
        given ? "must not both be given (give exactly one)" : "is required (give exactly one)",
      );
    return passing ? fault(at, "must match exactly one of its forms") : first;
  };
