import type { CallOptions, GreenApiOptions } from "./types.js";
import type { Violation } from "./validation.js";

type Check = [field: string, valid: boolean, rule: string];

/** The first check that fails, as a Violation. */
const first = (checks: Check[]): Violation | undefined => {
  const failed = checks.find(([, valid]) => !valid);
  return failed && { field: failed[0], rule: failed[2] };
};

/** Left out, or a number of ms in (min, 2^31-1], the longest delay a timer takes. */
const ms = (value: unknown, min = 0) =>
  value === undefined || (typeof value === "number" && value > min && value < 2 ** 31);
const MS = "must be a number of ms up to 2^31-1";
const whole = (value: unknown, max = Number.MAX_SAFE_INTEGER) =>
  value === undefined ||
  (Number.isInteger(value) && (value as number) > 0 && (value as number) <= max);
const fn = (value: unknown) => value === undefined || typeof value === "function";

/** What a call and the client both take: timeout, retry, headers, signal, onRetry. */
const callChecks = (o: CallOptions): Check[] => {
  const retry = o.retry === false ? {} : (o.retry ?? {});
  return [
    ["timeout", ms(o.timeout), `${MS}, > 0`],
    ["retry", typeof retry === "object", "must be an object or false"],
    ["retry.attempts", whole(retry.attempts, 100), "must be an integer from 1 to 100"],
    ["retry.baseDelay", ms(retry.baseDelay, -1), MS],
    ["retry.maxDelay", ms(retry.maxDelay, -1), MS],
    ["retry.deadline", ms(retry.deadline), `${MS}, > 0`],
    [
      "headers",
      Object.entries(o.headers ?? {}).every(
        ([name, value]) => /^[\w!#$%&'*+.^`|~-]+$/.test(name) && !/[\r\n\0]/.test(`${value}`),
      ),
      "must map header names to single-line strings",
    ],
    [
      "signal",
      !o.signal || typeof o.signal.addEventListener === "function",
      "must be an AbortSignal",
    ],
    ["onRetry", fn(o.onRetry), "must be a function"],
    ["onDrift", fn(o.onDrift), "must be a function"],
  ];
};

/** The first thing wrong with one call's options, or undefined. */
export const checkCallOptions = (options: CallOptions): Violation | undefined => {
  if (!options || typeof options !== "object")
    return { field: "options", rule: "must be an object" };
  // Most calls pass no options: nothing to check, and nothing built on the hot path.
  for (const _ in options) return first(callChecks(options));
};

/**
 * The first thing wrong with the client's options, or undefined: checked once, then every call
 * rejects with it before sending anything.
 */
export function checkOptions(options: GreenApiOptions): Violation | undefined {
  const { apiUrl, phoneMode, pacing } = options;
  let url: URL | undefined;
  try {
    url = new URL(apiUrl ?? "http://x");
  } catch {}
  return first([
    // The token goes in the path: a query, a fragment or credentials have no place here.
    [
      "apiUrl",
      !!url &&
        /^https?:$/.test(url.protocol) &&
        !url.username &&
        !url.password &&
        !/[?#]/.test(`${apiUrl}`),
      "must be an absolute http(s) URL without credentials, query or fragment",
    ],
    [
      "phoneMode",
      [undefined, "chatId", "participantPhone"].includes(phoneMode),
      'must be "chatId" or "participantPhone"',
    ],
    [
      "pacing",
      [undefined, true, false].includes(pacing as never) ||
        typeof (pacing as { wait?: unknown })?.wait === "function",
      "must be a boolean or a Pacer",
    ],
    ["maxResponseBytes", whole(options.maxResponseBytes), "must be a whole number of bytes > 0"],
    ["fetch", fn(options.fetch), "must be a function"],
    ...callChecks(options as CallOptions),
  ]);
}
