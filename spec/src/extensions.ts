// The extensions the model reads: the rate limit and the boolean flags of an operation, and the
// marker of the error envelope schema, and a schema's words for validation messages.
import { SpecModelError } from "./errors.js";
import { isObject, type Json, type JsonObject } from "./json.js";
import { pointerOf } from "./pointer.js";
import type { RateLimit } from "./types.js";

export const RATE_LIMIT = "x-greenspec-rate-limit";
export const IDEMPOTENT = "x-greenspec-idempotent";
export const BETA = "x-beta";
/** On a schema: the error envelope that a success answer may carry instead of its body. */
export const ERROR_ENVELOPE = "x-greenspec-error-envelope";
/** On a schema: what a value must be, in a user's words, for validation messages and help. */
export const EXPECTED = "x-greenspec-expected";

/** A schema's `x-greenspec-expected` words; an error when they are not a non-empty string. */
export function expectedOf(schema: Json | undefined, at: string): string | undefined {
  const value = isObject(schema) ? schema[EXPECTED] : undefined;
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.trim() === "")
    throw new SpecModelError(`${EXPECTED} must be a non-empty string`, pointerOf(at, EXPECTED));
  return value;
}

export function rateLimitOf(operation: JsonObject, at: string): RateLimit | undefined {
  const value = operation[RATE_LIMIT];
  if (value === undefined) return undefined;
  const perSecond = isObject(value) ? value.requestsPerSecond : undefined;
  if (typeof perSecond !== "number" || !Number.isFinite(perSecond) || perSecond <= 0)
    throw new SpecModelError(
      `${RATE_LIMIT} needs requestsPerSecond > 0, not ${JSON.stringify(value)}`,
      pointerOf(at, RATE_LIMIT),
    );
  return { requestsPerSecond: perSecond };
}

/** A boolean extension: false when missing, an error when it is anything but a boolean. */
export function flagOf(operation: JsonObject, key: string, at: string): boolean {
  const value = operation[key];
  if (value === undefined) return false;
  if (typeof value !== "boolean") throw new SpecModelError(`${key} must be true or false`, at);
  return value;
}
