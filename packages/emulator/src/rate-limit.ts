// Per-instance, per-operation rate limits as token buckets: a bucket holds as many calls as the
// limit allows per second and refills at that rate, so calls spaced at the limit never fail and
// a burst beyond it gets 429 until the clock moves on.

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private buckets = new Map<string, Bucket>();

  /** Takes one call from the bucket of `key`; false when the limit is exceeded. */
  take(key: string, perSecond: number, now: number): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: perSecond, at: now };
      this.buckets.set(key, bucket);
    }
    const refill = ((now - bucket.at) * perSecond) / 1000;
    if (refill > 0) {
      bucket.tokens = Math.min(perSecond, bucket.tokens + refill);
      bucket.at = now;
    }
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  clear(): void {
    this.buckets.clear();
  }
}

/**
 * Said once per emulator when a manual clock is why a call got 429: only the emulator's own time
 * refills a bucket, and a paced client's real-time waits do not move it.
 */
export function warnStandingClock(operation: string, perSecond: number): void {
  globalThis.process?.emitWarning?.(
    `${operation} answered 429: its rate limit (${perSecond}/s) refills only as the emulator's manual clock moves, and it has not moved enough since the earlier calls. A paced client waits in real time, which a manual clock does not see: advance it as the calls go (emulator.clock.advance(ms), or POST /_emulator/clock/advance).`,
    "GreenspecEmulatorWarning",
  );
}
