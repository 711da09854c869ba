// One cold start in a fresh process: how long importing the package, createEmulator() and the
// first call take. The parent forks it several times and keeps the medians.
import { performance } from "node:perf_hooks";

const t0 = performance.now();
const { createEmulator } = await import("@greenspec/emulator");
const t1 = performance.now();
const emulator = createEmulator();
const t2 = performance.now();
const response = await emulator.fetch(
  "http://emulator.test/waInstance1101000001/createGroup/bench-token",
  {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ groupName: "Cold start", chatIds: ["79001234568@c.us"] }),
  },
);
await response.json();
const t3 = performance.now();
process.send?.({
  importMs: t1 - t0,
  createMs: t2 - t1,
  firstCallMs: t3 - t2,
  status: response.status,
});
