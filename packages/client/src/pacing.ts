import { type OperationId, operations } from "./generated/operations.js";
import { sleep } from "./retry.js";

/** Requests per second per instance for each operation, from the spec (undefined: no limit). */
export const rateLimits = Object.fromEntries(
  Object.entries(operations).map(([id, info]) => [id, (info as { rateLimit?: number }).rateLimit]),
) as Readonly<Record<OperationId, number | undefined>>;

/**
 * Spaces the calls of each operation at least 1/limit seconds apart. One pacer per instance:
 * share it between clients (or a bulk sender) that use the same instance.
 */
export class Pacer {
  private next: Record<string, number> = {};

  constructor(readonly limits: Readonly<Record<string, number | undefined>> = rateLimits) {}

  /** Books the next free slot of `operation` and returns how many ms until it starts. */
  reserve(operation: string, now = Date.now()): number {
    const perSecond = this.limits[operation];
    if (!perSecond) return 0;
    const slot = Math.max(now, this.next[operation] ?? 0);
    this.next[operation] = slot + 1000 / perSecond;
    return slot - now;
  }

  /** Resolves when `operation` may be sent (early if `signal` aborts). */
  wait(operation: string, signal?: AbortSignal): Promise<void> {
    return sleep(this.reserve(operation), signal);
  }
}
