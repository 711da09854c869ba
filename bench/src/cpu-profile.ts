// Profiles a call under the V8 CPU profiler (node:inspector) and reports its self time grouped
// by layer, by package function (with the Node/V8 work it asked for), and by function.
import { Session } from "node:inspector/promises";
import { performance } from "node:perf_hooks";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

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

const frameName = (n: ProfileNode) =>
  `${n.callFrame.functionName || "(anonymous)"}  ${n.callFrame.url.replace(/^.*\/(node_modules|packages|bench)\//, "")}:${n.callFrame.lineNumber + 1}`;

/** Runs `call` `calls` times (after `warmup` unprofiled calls) and returns a printable report. */
export async function profileCalls(
  label: string,
  call: () => Promise<void>,
  { warmup, calls }: { warmup: number; calls: number },
): Promise<string> {
  for (let i = 0; i < warmup; i++) await call();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 50 });
  await session.post("Profiler.start");
  const start = performance.now();
  for (let i = 0; i < calls; i++) await call();
  const elapsed = performance.now() - start;
  const { profile } = (await session.post("Profiler.stop")) as {
    profile: { nodes: ProfileNode[] };
  };
  session.disconnect();

  const hits = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
  const isIdle = (n: ProfileNode) => n.callFrame.functionName === "(idle)";
  const idle = profile.nodes.filter(isIdle).reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
  const busy = hits - idle;
  const parent = new Map<number, ProfileNode>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n);
  const isPackageCode = (n: ProfileNode) => /^(file:|\/)/.test(n.callFrame.url);

  const byLayer = new Map<string, number>();
  const byCaller = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, count: number) =>
    map.set(key, (map.get(key) ?? 0) + count);
  for (const n of profile.nodes) {
    const count = n.hitCount ?? 0;
    if (count === 0 || isIdle(n)) continue;
    add(byLayer, layer(n.callFrame.url, n.callFrame.functionName), count);
    add(byFunction, frameName(n), count);
    // Node's and V8's own work, charged to the package function that asked for it.
    let owner: ProfileNode | undefined = n;
    while (owner && !isPackageCode(owner)) owner = parent.get(owner.id);
    add(byCaller, owner ? frameName(owner) : "(no package function on the stack)", count);
  }

  const perCall = (elapsed * 1000) / calls;
  const line = (count: number, what: string) =>
    `  ${((count / busy) * 100).toFixed(1).padStart(5)}% ${((count / hits) * perCall).toFixed(1).padStart(6)} µs  ${what}`;
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([what, count]) => line(count, what));
  return [
    `${label}: ${calls} calls, ${perCall.toFixed(1)} µs per call wall, ${((idle / hits) * 100).toFixed(0)}% idle`,
    "(share of busy time, µs per call)",
    "",
    "self time by layer:",
    ...top(byLayer, 12),
    "",
    "self time plus the Node/V8 work it asked for, by package function:",
    ...top(byCaller, 15),
    "",
    "top functions by self time:",
    ...top(byFunction, 25),
  ].join("\n");
}
