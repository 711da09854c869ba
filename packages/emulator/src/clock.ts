// The emulator's sense of time. "real" follows the wall clock; "manual" stands still until
// advance() moves it, so rate-limit windows, quotas and timestamps are under a test's control.

export type ClockMode = "real" | "manual";

/** Where a manual clock starts: a fixed moment, so a seeded run is the same every time. */
export const MANUAL_CLOCK_START = Date.UTC(2025, 0, 1);

/** The latest moment the clock may show: the end of the year 9999. */
export const LATEST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export interface Clock {
  readonly mode: ClockMode;
  /** Milliseconds since the Unix epoch, as the emulator sees it. */
  now(): number;
  /** Moves the clock forward by `ms` (on a real clock too: it then runs ahead of the wall). */
  advance(ms: number): void;
}

export function createClock(mode: ClockMode): Clock {
  let offset = 0;
  const base = mode === "manual" ? () => MANUAL_CLOCK_START : () => Date.now();
  return {
    mode,
    now: () => base() + offset,
    advance(ms: number) {
      if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0)
        throw new TypeError(`clock.advance takes a finite number of milliseconds >= 0, got ${ms}`);
      // Past the last date an ISO timestamp can show, every dated answer would fail.
      if (base() + offset + ms > LATEST_TIME)
        throw new TypeError("clock.advance would move the clock past the year 9999");
      offset += ms;
    },
  };
}
