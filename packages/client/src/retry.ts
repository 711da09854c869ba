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

/** How one call is run: the policy, and what the loop tells and asks the client. */
export interface RetryPlan {
  /** Whether the operation is safe to repeat (`x-greenspec-idempotent`). */
  idempotent: boolean;
  retry: Required<RetryOptions> | false;
  /** Per-attempt timeout in ms. */
  timeout: number;
  signal?: AbortSignal | undefined;
  /** Waits for the operation's turn when calls are paced. */
  pace?: (() => Promise<void>) | undefined;
  /** Told before each retry's wait; a throw from it is ignored. */
  onRetry: (event: { attempt: number; delay: number; error: GreenApiError }) => void;
  /** The error of a call the signal stopped between attempts (none in flight). */
  aborted: (attempts: number) => GreenApiError;
}

/**
 * Sends until an attempt gives a value or a failure not worth repeating. `send` gets the time
 * that attempt may take: the per-attempt timeout, cut to what the deadline leaves.
 */
export async function withRetries(
  send: (timeout: number) => Promise<{ value: unknown } | GreenApiError>,
  { idempotent, retry, timeout, signal, pace, onRetry, aborted }: RetryPlan,
): Promise<unknown> {
  const started = Date.now();
  let last: GreenApiError | undefined;
  for (let attempts = 1; ; attempts++) {
    if (pace && !signal?.aborted) await pace();
    if (signal?.aborted) throw aborted(attempts - 1);
    const left = retry ? retry.deadline + started - Date.now() : timeout;
    const outcome = await send(Math.max(1, Math.min(timeout, left)));
    if ("value" in outcome) return outcome.value;
    // A last attempt cut short by the deadline says less than the failure before it.
    // It still counts: the request may have reached the service.
    if (last && left < timeout && outcome.kind === "timeout") {
      last.attempts = attempts;
      throw last;
    }
    outcome.attempts = attempts;
    last = outcome;
    if (!retry || attempts >= retry.attempts || !isRetryable(outcome, idempotent)) throw outcome;
    const delay =
      (outcome.kind === "rate-limited" ? outcome.retryAfter : undefined) ??
      backoff(attempts, retry);
    if (Date.now() - started + delay >= retry.deadline) throw outcome;
    try {
      onRetry({ attempt: attempts, delay, error: outcome });
    } catch {}
    await sleep(delay, signal);
  }
}
