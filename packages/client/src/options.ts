import type { CallOptions, GreenApiOptions } from "./types.js";
import type { Violation } from "./validation.js";

/** The longest delay a timer takes (setTimeout fires at once past it). */
const MAX_MS = 2 ** 31 - 1;

const fault = (field: string, rule: string): Violation => ({ field, rule });

/** A number of ms above `min` (exclusive) and within a timer's range, or left out. */
const ms = (field: string, value: unknown, min = 0, equal = false): Violation | undefined =>
  value === undefined ||
  (typeof value === "number" && (equal ? value >= min : value > min) && value <= MAX_MS)
    ? undefined
    : fault(field, `must be a number of ms ${equal ? ">=" : ">"} ${min} and <= ${MAX_MS}`);

/** The options both the client and a call take: timeout, retry, headers. */
function timing(options: CallOptions): Violation | undefined {
  const { retry, headers, signal } = options;
  if (signal !== undefined && typeof signal?.addEventListener !== "function")
    return fault("signal", "must be an AbortSignal");
  if (retry !== undefined && retry !== false) {
    if (!retry || typeof retry !== "object") return fault("retry", "must be an object or false");
    const { attempts } = retry;
    if (attempts !== undefined && !(Number.isInteger(attempts) && attempts > 0 && attempts <= 100))
      return fault("retry.attempts", "must be an integer from 1 to 100");
    const failed =
      ms("retry.baseDelay", retry.baseDelay, 0, true) ??
      ms("retry.maxDelay", retry.maxDelay, 0, true) ??
      ms("retry.deadline", retry.deadline);
    if (failed) return failed;
  }
  if (headers !== undefined)
    for (const [name, value] of Object.entries(headers ?? 0))
      if (
        !/^[\w!#$%&'*+.^`|~-]+$/.test(name) ||
        typeof value !== "string" ||
        /[\r\n\0]/.test(value)
      )
        return fault("headers", "must map header names to single-line strings");
  return ms("timeout", options.timeout);
}

/**
 * The first thing wrong with the client's options (checked once; every call then rejects with
 * it before sending anything), or undefined.
 */
export function checkOptions(options: GreenApiOptions): Violation | undefined {
  const { apiUrl, phoneMode, pacing, maxResponseBytes } = options;
  if (apiUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(apiUrl);
    } catch {}
    // The token goes in the path: a query, a fragment or credentials have no place here.
    if (
      !url ||
      !/^https?:$/.test(url.protocol) ||
      url.username ||
      url.password ||
      /[?#]/.test(apiUrl)
    )
      return fault(
        "apiUrl",
        "must be an absolute http(s) URL without credentials, query or fragment",
      );
  }
  if (phoneMode !== undefined && phoneMode !== "chatId" && phoneMode !== "participantPhone")
    return fault("phoneMode", 'must be "chatId" or "participantPhone"');
  if (pacing !== undefined && typeof pacing !== "boolean" && typeof pacing?.wait !== "function")
    return fault("pacing", "must be a boolean or a Pacer");
  if (
    maxResponseBytes !== undefined &&
    !(Number.isSafeInteger(maxResponseBytes) && maxResponseBytes > 0)
  )
    return fault("maxResponseBytes", "must be a whole number of bytes > 0");
  for (const hook of ["fetch", "onRetry"] as const)
    if (options[hook] !== undefined && typeof options[hook] !== "function")
      return fault(hook, "must be a function");
  return timing(options as CallOptions);
}

/** The first thing wrong with one call's options, or undefined. */
export const checkCallOptions = (options: CallOptions): Violation | undefined =>
  options && typeof options === "object"
    ? (timing(options) ??
      (options.onRetry !== undefined && typeof options.onRetry !== "function"
        ? fault("onRetry", "must be a function")
        : undefined))
    : fault("options", "must be an object");
