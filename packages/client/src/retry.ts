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

/** Transient failures: the instance is starting, rate limits, gateway errors, lost connections. */
export const isRetryable = ({ kind, status = 0 }: GreenApiError): boolean =>
  /^(instance-starting|rate-limited|network)$/.test(kind) ||
  (kind === "server" && status > 501 && status < 505);

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
