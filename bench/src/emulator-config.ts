// The emulator bench's targets and fixed counts: read by the bench and by the report's text.

/** The targets for the emulator. */
export const EMULATOR_TARGETS = {
  readyMs: 50,
  inProcessMicros: 100,
  requestsPerSecond: 5000,
  rssMegabytes: 80,
} as const;

export const EMULATOR_CONFIG = {
  coldStarts: 5,
  prismStarts: 2,
  calls: { warmup: 500, measured: 4000 },
  prismCalls: { warmup: 200, measured: 1500 },
  load: { concurrency: 10, warmup: 1000, requests: 20_000, maxSeconds: 20 },
  groups: 1000,
  /**
   * Instances the load is spread over, so no instance passes its rate limit; at most the 1,000 an
   * emulator holds (its README's limits): past them an unknown instance answers 401.
   */
  instances: 1000,
} as const;
