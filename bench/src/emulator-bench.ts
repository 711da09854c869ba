// The emulator side by side with Prism in the same run: start time, a call through the client
// (in-process for the emulator, loopback for Prism), HTTP throughput at the same concurrency
// with the same requests, and resident memory.
import { Agent } from "node:http";
import { performance } from "node:perf_hooks";
import { createGreenApi } from "@greenspec/client";
import { createEmulator } from "@greenspec/emulator";
import { startMock } from "@greenspec/mock";
import { rssOf } from "@greenspec/test-helpers";
import { startLoopbackServer } from "./child-server.js";
import { EMULATOR_CONFIG, EMULATOR_TARGETS } from "./emulator-config.js";
import { clientLatency, coldStart, forkEmulator, load } from "./emulator-harness.js";
import { OPERATION_PATH, TEMPLATE } from "./fixtures.js";
import { post } from "./http-post.js";
import type { Row } from "./report.js";
import { summarize } from "./stats.js";

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const verdict = (ok: boolean) => (ok ? "met" : "MISSED");

export async function measureEmulator(log: (line: string) => void): Promise<Row[]> {
  const rows: Row[] = [];
  const c = EMULATOR_CONFIG;
  const T = EMULATOR_TARGETS;
  const section = "emulator vs Prism";

  // ---- start
  log(`emulator: ${c.coldStarts} cold starts in fresh processes, ${c.prismStarts} Prism starts`);
  const starts = [];
  for (let i = 0; i < c.coldStarts; i++) starts.push(await coldStart());
  const create = summarize(starts.map((s) => s.createMs));
  const imported = summarize(starts.map((s) => s.importMs));
  const first = summarize(starts.map((s) => s.firstCallMs));
  const prismStarts: number[] = [];
  let prismStartMedian = Number.NaN;
  for (let i = 0; i < c.prismStarts; i++) {
    const t = performance.now();
    const mock = await startMock();
    prismStarts.push(performance.now() - t);
    await mock.close();
  }
  prismStartMedian = summarize(prismStarts).median;
  rows.push({
    section,
    name: "emulator: createEmulator() ready",
    value: ms(create.median),
    spread: `import ${ms(imported.median)}, first call ${ms(first.median)} (medians of ${c.coldStarts} fresh processes)`,
    ratio: `${(prismStartMedian / (imported.median + create.median + first.median)).toFixed(0)}x faster than Prism to first answer`,
    target: `<= ${T.readyMs} ms`,
    result: verdict(create.median <= T.readyMs),
  });
  rows.push({
    section,
    name: "Prism: startMock() until it answers",
    value: ms(prismStartMedian),
    spread: `${c.prismStarts} starts: ${prismStarts.map((x) => ms(x)).join(", ")}`,
    ratio: "baseline",
    target: "",
    result: "reference",
  });

  // ---- a call through the client
  log(
    `emulator: ${c.calls.measured} in-process calls through the client; Prism ${c.prismCalls.measured} over loopback`,
  );
  const inProcess = summarize(
    await clientLatency(() => {
      const emulator = createEmulator({ clock: "manual" });
      return {
        // The manual clock moves a tenth of a second per call: within the method's rate limit.
        beforeCall: () => emulator.clock.advance(100),
        api: createGreenApi({
          idInstance: "1101000001",
          apiTokenInstance: "bench-token",
          apiUrl: "http://emulator.bench",
          fetch: emulator.fetch,
          retry: false,
        }),
      };
    }, c.calls),
  );
  const mock = await startMock();
  let prismCall: ReturnType<typeof summarize>;
  let prismRss = Number.NaN;
  let prismLoad: Awaited<ReturnType<typeof load>>;
  try {
    prismCall = summarize(
      await clientLatency(
        () => ({
          beforeCall: () => {},
          api: createGreenApi({
            idInstance: "1101000001",
            apiTokenInstance: "bench-token",
            apiUrl: mock.url,
            retry: false,
          }),
        }),
        c.prismCalls,
      ),
    );
    log(
      `emulator: ${c.load.requests} requests at ${c.load.concurrency} concurrent clients, Prism then emulator`,
    );
    await load(mock.url, c.load.warmup, c.load.concurrency, c.load.maxSeconds);
    prismLoad = await load(mock.url, c.load.requests, c.load.concurrency, c.load.maxSeconds);
    prismRss = rssOf(mock.pid);
  } finally {
    await mock.close();
  }
  rows.push({
    section,
    name: "emulator: a call through the client, in-process",
    value: `${inProcess.median.toFixed(0)} µs`,
    spread: `p5-p95 ${inProcess.p5.toFixed(0)}-${inProcess.p95.toFixed(0)} µs`,
    ratio: `${(prismCall.median / inProcess.median).toFixed(1)}x faster than Prism over loopback`,
    target: `<= ${T.inProcessMicros} µs`,
    result: verdict(inProcess.median <= T.inProcessMicros),
  });
  rows.push({
    section,
    name: "Prism: a call through the client, loopback",
    value: `${prismCall.median.toFixed(0)} µs`,
    spread: `p5-p95 ${prismCall.p5.toFixed(0)}-${prismCall.p95.toFixed(0)} µs`,
    ratio: "baseline",
    target: "",
    result: "reference",
  });

  // ---- HTTP throughput and memory
  const server = await forkEmulator();
  try {
    await load(server.url, c.load.warmup, c.load.concurrency, c.load.maxSeconds);
    const ours = await load(server.url, c.load.requests, c.load.concurrency, c.load.maxSeconds);
    rows.push({
      section,
      name: `emulator: HTTP, ${c.load.concurrency} concurrent clients`,
      value: `${ours.rps.toFixed(0)} req/s`,
      spread: `latency p50 ${ours.latency.median.toFixed(2)} ms, p95 ${ours.latency.p95.toFixed(2)} ms; ${ours.ok} of ${ours.completed} answered 200`,
      ratio: `${(ours.rps / prismLoad.rps).toFixed(1)}x Prism`,
      target: `>= ${T.requestsPerSecond} req/s`,
      result: verdict(ours.rps >= T.requestsPerSecond),
    });
    // The ceiling on this machine: a bare node:http server with a fixed answer, same load.
    const bare = await startLoopbackServer();
    let ceiling: Awaited<ReturnType<typeof load>>;
    try {
      const fixed = () => OPERATION_PATH;
      await load(bare.url, c.load.warmup, c.load.concurrency, c.load.maxSeconds, fixed);
      ceiling = await load(bare.url, c.load.requests, c.load.concurrency, c.load.maxSeconds, fixed);
    } finally {
      await bare.close();
    }
    rows.push({
      section,
      name: `bare node:http, ${c.load.concurrency} concurrent clients`,
      value: `${ceiling.rps.toFixed(0)} req/s`,
      spread: `latency p50 ${ceiling.latency.median.toFixed(2)} ms; a fixed answer, no work: this machine's ceiling`,
      ratio: `emulator at ${((ours.rps / ceiling.rps) * 100).toFixed(0)}% of it`,
      target: "",
      result: "reference",
    });
    rows.push({
      section,
      name: `Prism: HTTP, ${c.load.concurrency} concurrent clients`,
      value: `${prismLoad.rps.toFixed(0)} req/s`,
      spread: `latency p50 ${prismLoad.latency.median.toFixed(2)} ms, p95 ${prismLoad.latency.p95.toFixed(2)} ms; ${prismLoad.ok} of ${prismLoad.completed} answered 200`,
      ratio: "baseline",
      target: "",
      result: "reference",
    });
  } finally {
    await server.close();
  }

  // A fresh server, so the figure is the state's and not the load's garbage.
  const fresh = await forkEmulator();
  try {
    log(
      `emulator: ${c.groups} groups created over HTTP on a fresh server, then its resident memory`,
    );
    const agent = new Agent({ keepAlive: true, maxSockets: 10 });
    let created = 0;
    for (let i = 0; i < c.groups; i++) {
      const path = TEMPLATE.replace("addGroupParticipant", "createGroup")
        .replace("{idInstance}", String(4_000_000 + i))
        .replace("{apiTokenInstance}", "bench-token");
      // Numbered from 1: a number ending in 0000 is the emulator's person without WhatsApp, whose
      // group the service (and so the emulator) refuses.
      const members = Array.from(
        { length: 5 },
        (_, k) => `7900${String(i * 5 + k + 1).padStart(7, "0")}@c.us`,
      );
      const status = await post(
        agent,
        `${fresh.url}${path}`,
        Buffer.from(JSON.stringify({ groupName: `Group ${i}`, chatIds: members })),
      );
      if (status === 200) created++;
    }
    agent.destroy();
    const rss = await fresh.rss();
    const mb = rss / 1024 / 1024;
    rows.push({
      section,
      name: `emulator: resident memory with ${created} groups`,
      value: `${mb.toFixed(0)} MB`,
      spread: "a fresh server; each group made by its own instance, 6 members",
      ratio: `${(prismRss / rss).toFixed(1)}x less than Prism idle`,
      target: `<= ${T.rssMegabytes} MB`,
      result: verdict(mb <= T.rssMegabytes && created === c.groups),
    });
    rows.push({
      section,
      name: "Prism: resident memory after its load",
      value: `${(prismRss / 1024 / 1024).toFixed(0)} MB`,
      spread: "holds no state",
      ratio: "baseline",
      target: "",
      result: "reference",
    });
  } finally {
    await fresh.close();
  }
  return rows;
}
