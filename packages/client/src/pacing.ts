import { type OperationId, operations } from "./generated/operations.js";
import { sleep } from "./retry.js";

/** Requests per second per instance for each operation, from the spec (undefined: no limit). */
export const rateLimits = Object.fromEntries(
  Object.entries(operations).map(([id, info]) => [
    id,
    (info as { requestsPerSecond?: number }).requestsPerSecond,
  ]),
) as Readonly<Record<OperationId, number | undefined>>;

/** Pacing runs at 1/HEADROOM of each limit, so timing jitter on the way never tips a burst over it. */
const HEADROOM = 1.05;

/**
 * Lets the calls of each operation leave one at a time, each at least HEADROOM/limit seconds
 * after the previous one actually left. One pacer per instance: share it between clients (or a
 * bulk sender) that use the same instance.
 */
export class Pacer {
  private last: Record<string, number> = {};
  private queue: Record<string, Promise<void>> = {};

  constructor(readonly limits: Readonly<Record<string, number | undefined>> = rateLimits) {}

  /** Resolves when `operation` may be sent; an aborted waiter gives its turn to the next. */
  wait(operation: string, signal?: AbortSignal): Promise<void> {
    const perSecond = this.limits[operation];
    if (!perSecond) return Promise.resolve();
    const turn = (this.queue[operation] ?? Promise.resolve()).then(async () => {
      const at = (this.last[operation] ?? 0) + (1000 * HEADROOM) / perSecond;
      // A timer can fire early by the length of a busy tick: wait until the clock agrees.
      while (Date.now() < at && !signal?.aborted) await sleep(at - Date.now(), signal);
      if (!signal?.aborted) this.last[operation] = Date.now();
    });
    this.queue[operation] = turn;
    return turn;
  }
}
