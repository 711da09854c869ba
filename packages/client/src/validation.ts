import type { ValidationIssue } from "./operation.js";

/** A failed rule in words: `participantPhone` + `must be <= 999999999999999`. */
export interface Violation {
  field: string;
  rule: string;
}

// Rules that read better in words; any other keyword is named as JSON Schema names it.
const RULES: Record<string, string> = {
  required: "is required",
  additionalProperties: "is not a known field",
  "false schema": "must not be given",
  type: "must be of type ",
  pattern: "must match ",
  format: "must be a valid ",
};

/** Turns one ajv issue into words; the schema's own names and limits fill them in. */
function say({ keyword, params, instancePath }: ValidationIssue, root: string): Violation {
  const p = params as Record<string, unknown>;
  const key = p.missingProperty ?? p.additionalProperty;
  const rule =
    p.comparison !== undefined
      ? `must be ${p.comparison} ${p.limit}`
      : keyword in RULES
        ? `${RULES[keyword]}${p.type ?? p.pattern ?? p.format ?? ""}`
        : `must satisfy ${keyword}${p.limit === undefined ? "" : ` ${p.limit}`}`;
  const path = key === undefined ? instancePath : `${instancePath}/${key}`;
  return { field: path.slice(1).replaceAll("/", ".") || root, rule };
}

/**
 * The violation to report. For a oneOf body whose branches are picked by `alternatives`
 * (participantChatId / participantPhone), "both" and "neither" get their own words, and with
 * one given, issues that only say "the other branch did not match" are skipped.
 */
export function describe(
  issues: readonly ValidationIssue[] | null | undefined,
  data: unknown,
  root: string,
  alternatives?: readonly (readonly string[])[],
): Violation {
  const list = issues ?? [];
  const last = list[list.length - 1];
  if (
    alternatives &&
    last?.keyword === "oneOf" &&
    !last.instancePath &&
    data &&
    typeof data === "object"
  ) {
    const given = alternatives.filter((fields) =>
      fields.some((f) => (data as Record<string, unknown>)[f] !== undefined),
    );
    const field = alternatives
      .map((fields) => fields.join(" + "))
      .join(given.length ? " and " : " or ");
    if (given.length !== 1) {
      return {
        field,
        rule: given.length
          ? "must not both be given (give exactly one)"
          : "is required (give exactly one)",
      };
    }
    const others = alternatives.filter((fields) => fields !== given[0]).flat();
    const relevant = list.find(
      ({ keyword, params, instancePath }) =>
        keyword !== "oneOf" &&
        !others.includes(
          String(keyword === "required" ? params.missingProperty : instancePath.slice(1)),
        ),
    );
    if (relevant) return say(relevant, root);
  }
  return list[0] ? say(list[0], root) : { field: root, rule: "is not valid" };
}
