// `pnpm --filter @greenspec/bench run profile [name] [--loopback]`: where one client's time goes.
// Runs its calls under the V8 CPU profiler (node:inspector) and prints self time grouped by
// where the code lives and by function, against the stub fetch or the loopback server.
import { Session } from "node:inspector/promises";
import { startLoopbackServer } from "./child-server.js";
import {
  axiosClient,
  bareOpenapiFetch,
  type Contender,
  greenspec,
  lightOpenapiFetch,
  rawFetch,
  rawFetchSignal,
} from "./contenders.js";
import { stubFetch } from "./overhead.js";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

const contenders = [
  rawFetch,
  rawFetchSignal,
  bareOpenapiFetch,
  lightOpenapiFetch,
  axiosClient,
  greenspec,
];
const name = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? greenspec.name;
const loopback = process.argv.includes("--loopback");
const contender: Contender | undefined = contenders.find((c) => c.name === name);
if (!contender)
  throw new Error(`no contender "${name}"; one of: ${contenders.map((c) => c.name).join(", ")}`);

const WARMUP = 2_000;
const CALLS = loopback ? 5_000 : 20_000;

/** Where a frame's code lives, coarsely: the layers a call passes through. */
function layer(url: string, fn: string): string {
  if (url.includes("/packages/client/")) return "greenspec client";
  if (url.includes("openapi-fetch")) return "openapi-fetch";
  if (url.includes("axios")) return "axios";
  if (url.includes("undici")) return "undici (fetch, Request, Response, Headers)";
  if (url.startsWith("node:")) return "node internals";
  if (url.includes("/bench/")) return "bench harness";
  if (url === "") return `(${fn || "native"})`;
  return url;
}

const server = loopback ? await startLoopbackServer() : undefined;
try {
  const call = await contender.make(
    server?.url ?? "http://stub.invalid",
    server ? fetch : stubFetch,
  );
  for (let i = 0; i < WARMUP; i++) await call();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 50 });
  await session.post("Profiler.start");
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) await call();
  const elapsed = performance.now() - start;
  const { profile } = (await session.post("Profiler.stop")) as {
    profile: { nodes: ProfileNode[]; startTime: number; endTime: number };
  };
  session.disconnect();

  const hits = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
  const idle = profile.nodes
    .filter((n) => n.callFrame.functionName === "(idle)")
    .reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
  const busy = hits - idle;
  const byLayer = new Map<string, number>();
  const byFunction = new Map<string, number>();
  // Node's and V8's own work, charged to the library or client line that asked for it.
  const byCaller = new Map<string, number>();
  const parent = new Map<number, ProfileNode>();
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n);
  const isLibrary = (n: ProfileNode) => /^(file:|\/)/.test(n.callFrame.url);
  for (const n of profile.nodes) {
    const count = n.hitCount ?? 0;
    if (count === 0 || n.callFrame.functionName === "(idle)") continue;
    let owner: ProfileNode | undefined = nodes.get(n.id);
    while (owner && !isLibrary(owner)) owner = parent.get(owner.id);
    const key = owner
      ? `${owner.callFrame.functionName || "(anonymous)"}  ${owner.callFrame.url.replace(/^.*\/(node_modules|packages|bench)\//, "")}:${owner.callFrame.lineNumber + 1}`
      : "(no caller in a package)";
    byCaller.set(key, (byCaller.get(key) ?? 0) + count);
  }
  for (const n of profile.nodes) {
    const count = n.hitCount ?? 0;
    if (count === 0 || n.callFrame.functionName === "(idle)") continue;
    const { functionName, url, lineNumber } = n.callFrame;
    const where = layer(url, functionName);
    byLayer.set(where, (byLayer.get(where) ?? 0) + count);
    const key = `${functionName || "(anonymous)"}  ${url.replace(/^.*\/node_modules\//, "")}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + count);
  }
  const perCall = (elapsed * 1000) / CALLS;
  const share = (count: number) => `${((count / busy) * 100).toFixed(1).padStart(5)}%`;
  const micros = (count: number) =>
    `${((count / busy) * perCall * (busy / hits)).toFixed(1).padStart(6)} µs`;
  console.log(
    `${contender.name}, ${loopback ? "loopback server" : "stub fetch"}: ${CALLS} calls, ${perCall.toFixed(1)} µs per call wall, ${((idle / hits) * 100).toFixed(0)}% idle`,
  );
  console.log("\nself time by layer (share of busy time, µs per call):");
  for (const [where, count] of [...byLayer].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${share(count)} ${micros(count)}  ${where}`);
  }
  console.log("\nself time plus the node/V8 work it called, by package function:");
  for (const [fn, count] of [...byCaller].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`  ${share(count)} ${micros(count)}  ${fn}`);
  }
  console.log("\ntop functions by self time:");
  for (const [fn, count] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`  ${share(count)} ${micros(count)}  ${fn}`);
  }
} finally {
  await server?.close();
}
