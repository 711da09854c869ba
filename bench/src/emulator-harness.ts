// What the emulator bench drives: a keep-alive load, the emulator in a process of its own, a cold
// start in a fresh process, a process's resident memory, and a client's per-call latency.
import { fork } from "node:child_process";
import { Agent } from "node:http";
import { performance } from "node:perf_hooks";
import type { createGreenApi } from "@greenspec/client";
import { EMULATOR_CONFIG } from "./emulator-config.js";
import { BODY, TEMPLATE } from "./fixtures.js";
import { post } from "./http-post.js";
import { summarize } from "./stats.js";

const PAYLOAD = Buffer.from(JSON.stringify(BODY));
const pathFor = (instance: number) =>
  TEMPLATE.replace("{idInstance}", String(2_000_000 + instance)).replace(
    "{apiTokenInstance}",
    "bench-token",
  );

/** N concurrent keep-alive clients send `requests` calls, each to the next instance's path. */
export async function load(
  baseUrl: string,
  requests: number,
  concurrency: number,
  maxSeconds: number,
  path: (i: number) => string = (i) => pathFor(i % EMULATOR_CONFIG.instances),
) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let issued = 0;
  let ok = 0;
  const latencies: number[] = [];
  const start = performance.now();
  const deadline = start + maxSeconds * 1000;
  const worker = async () => {
    while (issued < requests && performance.now() < deadline) {
      const i = issued++;
      const sent = performance.now();
      const status = await post(agent, `${baseUrl}${path(i)}`, PAYLOAD).catch(() => 0);
      latencies.push(performance.now() - sent);
      if (status === 200) ok++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return {
    ok,
    completed: latencies.length,
    seconds,
    rps: ok / seconds,
    latency: summarize(latencies),
  };
}

interface Child {
  url: string;
  rss(): Promise<number>;
  close(): Promise<void>;
}

export function forkEmulator(): Promise<Child> {
  const child = fork(new URL("./emulator-process.js", import.meta.url), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    execArgv: ["--expose-gc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  return new Promise((resolve, reject) => {
    child.once("message", (message: { url: string }) =>
      resolve({
        url: message.url,
        close,
        rss: () =>
          new Promise((done) => {
            child.once("message", (m: { rss: number }) => done(m.rss));
            child.send({ type: "rss" });
          }),
      }),
    );
    child.once("exit", (code) => reject(new Error(`the emulator process exited (code ${code})`)));
  });
}

export function coldStart(): Promise<{ importMs: number; createMs: number; firstCallMs: number }> {
  const child = fork(new URL("./emulator-start.js", import.meta.url), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (m: { importMs: number; createMs: number; firstCallMs: number }) => {
      child.kill();
      resolve(m);
    });
    child.once("exit", (code) => reject(new Error(`cold start exited (code ${code})`)));
  });
}

export async function clientLatency(
  make: () => { api: ReturnType<typeof createGreenApi>; beforeCall: () => void },
  counts: { warmup: number; measured: number },
): Promise<number[]> {
  const { api, beforeCall } = make();
  const samples: number[] = [];
  for (let i = 0; i < counts.warmup + counts.measured; i++) {
    beforeCall();
    const start = performance.now();
    await api.addGroupParticipant(BODY);
    if (i >= counts.warmup) samples.push((performance.now() - start) * 1000);
  }
  return samples;
}
