// `x-greenspec-outcome`: the fields of the success body an operation's outcome rests on. A
// reader may let every other field drift (missing, null, extra, of another type), never these.
import { SpecModelError } from "./errors.js";
import { isObject, type JsonObject } from "./json.js";
import { pointerOf } from "./pointer.js";
import type { Reader } from "./reader.js";
import type { SuccessAnswer } from "./types.js";

export const OUTCOME = "x-greenspec-outcome";

/**
 * The outcome fields as alternatives: `[a, b]` reads as one alternative `[[a, b]]`; `[[a], [b]]`
 * means either `a` or `b` carries the outcome (an answer with two documented shapes). Undefined
 * when the operation does not say: then its whole success body is its outcome.
 */
export function outcomeOf(
  read: Reader,
  operation: JsonObject,
  success: SuccessAnswer,
  at: string,
): string[][] | undefined {
  const value = operation[OUTCOME];
  if (value === undefined) return undefined;
  const where = pointerOf(at, OUTCOME);
  const list = Array.isArray(value) ? value : [];
  const alternatives = list.every((item) => typeof item === "string") ? [list] : list;
  const named = new Set(
    read.schemas
      .branchesOf(success.body, pointerOf(at, "responses", String(success.status)))
      .flatMap(({ schema }) =>
        isObject(schema) && isObject(schema.properties) ? Object.keys(schema.properties) : [],
      ),
  );
  const valid =
    alternatives.length > 0 &&
    alternatives.every(
      (fields) =>
        Array.isArray(fields) &&
        fields.length > 0 &&
        fields.every((field) => typeof field === "string" && named.has(field)),
    );
  if (!valid)
    throw new SpecModelError(
      `${OUTCOME} must list fields of the success body (or lists of them), not ${JSON.stringify(value)}`,
      where,
    );
  return alternatives as string[][];
}
