import type { ValidationIssue } from "./operation.js";

/** A failed rule in words: `participantPhone` + `must be <= 999999999999999`. */
export interface Violation {
  field: string;
  rule: string;
}

const fieldName = (path: string, root: string): string =>
  path ? path.slice(1).replace(/\/(\d+)(?=\/|$)/g, "[$1]").replaceAll("/", ".") : root;

const join = (path: string, key: unknown) => `${path}/${String(key)}`;

/** Turns ajv's first issue into words; the schema's own names and limits fill them in. */
function describeIssue({ keyword, params, instancePath }: ValidationIssue, root: string): Violation {
  const p = params as Record<string, string | number>;
  const at = (path = instancePath) => fieldName(path, root);
  const rules: Record<string, () => Violation> = {
    required: () => ({ field: at(join(instancePath, p.missingProperty)), rule: "is required" }),
    additionalProperties: () => ({
      field: at(join(instancePath, p.additionalProperty)),
      rule: "is not a known field",
    }),
    "false schema": () => ({ field: at(), rule: "must not be given" }),
    type: () => ({ field: at(), rule: `must be ${/^[aeiou]/.test(String(p.type)) ? "an" : "a"} ${p.type}` }),
    pattern: () => ({ field: at(), rule: `must match ${p.pattern}` }),
    format: () => ({ field: at(), rule: `must be a valid ${p.format}` }),
    minLength: () => ({ field: at(), rule: `must have at least ${p.limit} character(s)` }),
    maxLength: () => ({ field: at(), rule: `must have at most ${p.limit} character(s)` }),
    minItems: () => ({ field: at(), rule: `must have at least ${p.limit} item(s)` }),
    maxItems: () => ({ field: at(), rule: `must have at most ${p.limit} item(s)` }),
    minProperties: () => ({ field: at(), rule: `must have at least ${p.limit} field(s)` }),
    maxProperties: () => ({ field: at(), rule: `must have at most ${p.limit} field(s)` }),
    uniqueItems: () => ({ field: at(), rule: `must not repeat an item (items ${p.j} and ${p.i} are equal)` }),
  };
  const limit = p.comparison !== undefined && { field: at(), rule: `must be ${p.comparison} ${p.limit}` };
  return rules[keyword]?.() || limit || { field: at(), rule: `fails the "${keyword}" rule` };
}

/**
 * The violation a person should read first. For a oneOf body whose branches are picked by
 * `alternatives` (e.g. participantChatId / participantPhone), "both" and "neither" get their
 * own words, and with one given, issues that only say "the other branch did not match" go.
 */
export function describe(
  issues: readonly ValidationIssue[],
  data: unknown,
  root: string,
  alternatives?: readonly (readonly string[])[],
): Violation {
  const isObject = typeof data === "object" && data !== null && !Array.isArray(data);
  const last = issues[issues.length - 1];
  if (alternatives && isObject && last?.keyword === "oneOf" && last.instancePath === "") {
    const given = alternatives.filter((fields) => fields.some((f) => (data as Record<string, unknown>)[f] !== undefined));
    const names = alternatives.map((fields) => fields.join(" + "));
    if (given.length === 0) return { field: names.join(" or "), rule: "is required (give exactly one)" };
    if (given.length > 1) return { field: names.join(" and "), rule: "must not both be given (give exactly one)" };
    const others = alternatives.filter((fields) => fields !== given[0]).flat();
    const relevant = issues.find(
      ({ keyword, params, instancePath }) =>
        keyword !== "oneOf" &&
        !(keyword === "required" && others.includes(String(params.missingProperty))) &&
        !(keyword === "false schema" && others.some((f) => instancePath === `/${f}`)),
    );
    if (relevant) return describeIssue(relevant, root);
  }
  return last ? describeIssue(issues[0] as ValidationIssue, root) : { field: root, rule: "is not valid" };
}
