// The fixed counts and seed of `pnpm bench`, so two runs differ only by the machine.
import { SEED } from "./fixtures.js";

export const CONFIG = {
  seed: SEED,
  latency: { warmupRounds: 300, rounds: 3000, blocks: 10 },
  overhead: { warmupBatches: 5, batches: 40, callsPerBatch: 400 },
  mock: {
    warmupRequests: 300,
    levels: [
      { concurrency: 1, requests: 1500 },
      { concurrency: 10, requests: 3000 },
      { concurrency: 50, requests: 3000 },
    ],
    maxSeconds: 20,
  },
} as const;
