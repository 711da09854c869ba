import { afterAll, beforeAll, expect, it } from "vitest";
import { type EmulatorServer, startEmulator } from "../src/index.js";
import { operationIds } from "./referee.js";
import { walk } from "./walk.js";

// WALK_SEED reruns a walk exactly; every run prints the seed it used.
const SEED = Number(process.env.WALK_SEED ?? 20_261_130);
const CALLS = 10_000;
const WORKERS = 4;

let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulator({ clock: "manual", seed: SEED });
});
afterAll(() => server?.close());

it(`walks ${CALLS} seeded random calls over every operation with every answer documented and every invariant kept`, async () => {
  console.log(`walk seed ${SEED} (rerun with WALK_SEED=${SEED})`);
  const result = await walk({
    url: server.url,
    emulator: server.emulator,
    seed: SEED,
    calls: CALLS,
    workers: WORKERS,
  });
  console.log(
    `walk: ${result.calls} calls, ${result.invalidSent} invalid; by status ${JSON.stringify(result.byStatus)}`,
  );
  expect(result.failures).toEqual([]);
  expect(result.calls).toBeGreaterThanOrEqual(CALLS);
  expect(Object.keys(result.byOperation).sort()).toEqual([...operationIds].sort());
  // Valid and invalid calls, faults and limits all came up.
  for (const status of ["200", "400", "401", "429", "466", "500"])
    expect(result.byStatus[status] ?? 0, `answers ${status}`).toBeGreaterThan(0);
}, 180_000);
