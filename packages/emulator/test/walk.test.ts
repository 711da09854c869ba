import { type Mock, startMock } from "@greenspec/mock";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type EmulatorServer, startEmulator } from "../src/index.js";
import { operationIds } from "./referee.js";
import { walk } from "./walk.js";

// WALK_SEED reruns a walk exactly; every run prints the seed it used.
const SEED = Number(process.env.WALK_SEED ?? 20_261_130);
const CALLS = Number(process.env.WALK_CALLS ?? 10_000);
const WORKERS = 4;

let server: EmulatorServer;
let prism: Mock;
beforeAll(async () => {
  server = await startEmulator({ clock: "manual", seed: SEED });
  // The referee: the real Prism as a validation proxy in front of the emulator.
  prism = await startMock({ proxy: server.url });
});
afterAll(async () => {
  await prism?.close();
  await server?.close();
});

it(`walks ${CALLS} seeded random calls through Prism's validation proxy: no violation but on requests the spec refuses, every invariant kept`, async () => {
  console.log(`walk seed ${SEED} (rerun with WALK_SEED=${SEED})`);
  const result = await walk({
    url: prism.url,
    emulator: server.emulator,
    proxy: { violations: prism.violations, checked: () => prism.checked },
    seed: SEED,
    calls: CALLS,
    workers: WORKERS,
  });
  console.log(
    `walk: ${result.calls} calls through Prism, ${result.invalidSent} invalid (${result.requestViolations} request violations, all on those); by status ${JSON.stringify(result.byStatus)}`,
  );
  expect(result.failures).toEqual([]);
  expect(prism.violations.filter((v) => v.direction === "response")).toEqual([]);
  expect(result.requestViolations).toBeGreaterThan(0);
  expect(result.calls).toBeGreaterThanOrEqual(CALLS);
  expect(Object.keys(result.byOperation).sort()).toEqual([...operationIds].sort());
  // Valid and invalid calls, faults and limits all came up.
  for (const status of ["200", "400", "401", "429", "466", "500"])
    expect(result.byStatus[status] ?? 0, `answers ${status}`).toBeGreaterThan(0);
}, 300_000);
