// The targets, in one place for the report and the bundle-size test.
export const TARGETS = {
  /** greenspec's median loopback latency over raw fetch's: a hard limit... */
  latencyRatioMax: 1.2,
  /** ...and the ratio it should come close to. */
  latencyRatioGoal: 1.1,
  /** greenspec's stubbed-fetch cost per call over bare openapi-fetch's. */
  overheadRatioMax: 2,
  /** The whole client in a minified browser bundle, gzip. */
  bundleGzipMaxBytes: 8192,
  /**
   * The official JS SDK's browser bundle, gzip, "about 36 kB" as recorded in the project's
   * reference notes (shared/reference/green-api/FACTS.md); it does not install from this
   * machine's registry, so it is cited, not measured.
   */
  officialSdkGzipBytes: 36_000,
} as const;
