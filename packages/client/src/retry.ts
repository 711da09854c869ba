import type { GreenApiError } from "./errors.js";

/** How a call is repeated after a transient failure. */
export interface RetryOptions {
  /** Requests at most, the first included (default 3). */
  attempts?: number;
  /** First backoff ceiling in ms; it doubles per attempt (default 500). */
  baseDelay?: number;
  /** Largest backoff in ms (default 10000). */
  maxDelay?: number;
  /** Total time budget of the call in ms, waits and attempts included (default 60000). */
  deadline?: number;
}

export const retryDefaults: Required<RetryOptions> = {
  attempts: 3,
  baseDelay: 500,
  maxDelay: 10_000,
  deadline: 60_000,
};

/** Answers that prove the request was not carried out: a starting instance, 429, no connection. */
const notCarriedOut = (error: GreenApiError): boolean =>
  error.kind === "instance-starting" ||
  error.kind === "rate-limited" ||
  (error.kind === "network" && error.connectFailed === true);

/**
 * Whether to try again. An operation that is not safe to repeat (RFC 9110 9.2.2) is repeated
 * only when it was not carried out; a safe one also after a lost connection or a 502/503/504.
 */
export const isRetryable = (error: GreenApiError, idempotent: boolean): boolean =>
  notCarriedOut(error) ||
  (idempotent &&
    (error.kind === "network" ||
      (error.kind === "server" && error.status > 501 && error.status < 505)));

/** Failures after which the request may have been carried out although no answer says so. */
export const mayHaveRun = (error: { kind: string; connectFailed?: boolean }): boolean =>
  /^(server|timeout|unexpected-response|aborted)$/.test(error.kind) ||
  (error.kind === "network" && !error.connectFailed);

/** Capped exponential backoff with full jitter: a random wait in [0, min(max, base * 2^n)). */
export function backoff(attempt: number, options: Required<RetryOptions>): number {
  return Math.random() * Math.min(options.maxDelay, options.baseDelay * 2 ** (attempt - 1));
}

/** A Retry-After header (delay in seconds or an HTTP date) in ms, or undefined. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = /^\s*\d+(\.\d+)?\s*$/.test(header) ? Number(header) * 1000 : undefined;
  const date = Date.parse(header);
  return seconds ?? (date ? Math.max(0, date - now) : undefined);
}

/** Waits `ms`, or less if `signal` aborts (the caller then checks `signal.aborted`). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done);
  });
}
