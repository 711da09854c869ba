// `pnpm bench`: every measurement with fixed counts and a fixed seed, one table on stdout, and
// the same table with the machine and the targets in BENCHMARKS.md at the repo root.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startMock } from "@greenspec/mock";
import { measureBundle } from "./bundle.js";
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
import { DOCS_RUNS, DOCS_TARGETS, measureDocsSite } from "./docs-site.js";
import { EMULATOR_CONFIG } from "./emulator-bench.js";
import { SEED } from "./fixtures.js";
import { greenspecUnavailable } from "./greenspec.js";
import { measureGroupJob } from "./group-job-bench.js";
import { measureLatency } from "./latency.js";
import { describeMachine, REPO_ROOT } from "./machine.js";
import { measureThroughput } from "./mock-throughput.js";
import { measureOverhead } from "./overhead.js";
import { measurePipeline, PIPELINE_LOG_DIR, type PipelineResult } from "./pipeline.js";
import { bytes, markdownTable, micros, type Row, ratio, textTable } from "./report.js";
import { summarize } from "./stats.js";
import { TARGETS } from "./targets.js";

const CONFIG = {
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

const withPipeline = process.argv.includes("--pipeline");
const log = (line: string) => process.stderr.write(`${line}\n`);
const startedAt = new Date();
const machine = describeMachine();
const missingGreenspec = await greenspecUnavailable();
if (missingGreenspec) log(`greenspec is not measured: ${missingGreenspec}`);

const rows: Row[] = [];
const verdicts: string[] = [];
const verdict = (text: string) => verdicts.push(text);
const fmtPct = (a: number, b: number) => `${(((a - b) / b) * 100).toFixed(1)}%`;

// ---- latency on loopback
const latencyContenders: Contender[] = [
  rawFetch,
  rawFetchSignal,
  bareOpenapiFetch,
  lightOpenapiFetch,
  axiosClient,
  ...(missingGreenspec ? [] : [greenspec]),
];
{
  log(
    `latency: ${CONFIG.latency.rounds} interleaved rounds after ${CONFIG.latency.warmupRounds} warm-up rounds`,
  );
  const server = await startLoopbackServer();
  let samples: Map<string, number[]>;
  try {
    samples = await measureLatency(latencyContenders, {
      baseUrl: server.url,
      seed: CONFIG.seed,
      ...CONFIG.latency,
    });
  } finally {
    await server.close();
  }
  const base = samples.get(rawFetch.name) ?? [];
  const baseMedian = summarize(base).median;
  const blockRatios = (own: number[]) => {
    const size = Math.floor(own.length / CONFIG.latency.blocks);
    const ratios = Array.from({ length: CONFIG.latency.blocks }, (_, b) => {
      const slice = (xs: number[]) => xs.slice(b * size, (b + 1) * size);
      return summarize(slice(own)).median / summarize(slice(base)).median;
    });
    return `${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}`;
  };
  const medians = new Map<string, number>();
  for (const contender of latencyContenders) {
    const own = samples.get(contender.name) ?? [];
    const s = summarize(own);
    medians.set(contender.name, s.median);
    const r = s.median / baseMedian;
    const isGreen = contender === greenspec;
    let result = "reference";
    if (isGreen) {
      const ofetch = medians.get(bareOpenapiFetch.name) ?? Number.NaN;
      const ax = medians.get(axiosClient.name) ?? Number.NaN;
      const ok = r <= TARGETS.latencyRatioMax && s.median < ofetch && s.median < ax;
      result = ok ? "met" : "MISSED";
      verdict(
        `Latency, hard limit ${ratio(TARGETS.latencyRatioMax)} raw fetch: ${r <= TARGETS.latencyRatioMax ? "met" : "MISSED"} at ${ratio(r)} ` +
          `(${r <= TARGETS.latencyRatioMax ? `${(TARGETS.latencyRatioMax - r).toFixed(2)}x under` : `${(r - TARGETS.latencyRatioMax).toFixed(2)}x over`}).`,
      );
      verdict(
        `Latency, goal ${ratio(TARGETS.latencyRatioGoal)} raw fetch: ${r <= TARGETS.latencyRatioGoal ? "met" : `missed by ${(r - TARGETS.latencyRatioGoal).toFixed(2)}x`} at ${ratio(r)}.`,
      );
      verdict(
        `Latency below bare openapi-fetch: ${s.median < ofetch ? "met" : "MISSED"} (${micros(s.median)} vs ${micros(ofetch)}, ${fmtPct(s.median, ofetch)}).`,
      );
      verdict(
        `Latency below axios: ${s.median < ax ? "met" : "MISSED"} (${micros(s.median)} vs ${micros(ax)}, ${fmtPct(s.median, ax)}).`,
      );
    }
    rows.push({
      section: "latency (loopback)",
      name: contender.name,
      value: micros(s.median),
      spread: `p5-p95 ${s.p5.toFixed(0)}-${s.p95.toFixed(0)} µs`,
      ratio:
        contender === rawFetch ? "1.00x (base)" : `${ratio(r)} raw (blocks ${blockRatios(own)})`,
      target: isGreen
        ? `<= ${ratio(TARGETS.latencyRatioMax)} (goal ${ratio(TARGETS.latencyRatioGoal)}), < openapi-fetch, < axios`
        : "",
      result,
    });
  }
}

// ---- client overhead against a stub fetch
const overheadContenders: Contender[] = [
  rawFetch,
  rawFetchSignal,
  bareOpenapiFetch,
  lightOpenapiFetch,
  ...(missingGreenspec ? [] : [greenspec]),
];
{
  log(
    `overhead: ${CONFIG.overhead.batches} batches of ${CONFIG.overhead.callsPerBatch} calls against a stub fetch`,
  );
  const samples = await measureOverhead(overheadContenders, {
    seed: CONFIG.seed,
    ...CONFIG.overhead,
  });
  const base = summarize(samples.get(bareOpenapiFetch.name) ?? []).median;
  for (const contender of overheadContenders) {
    const s = summarize(samples.get(contender.name) ?? []);
    const r = s.median / base;
    const isGreen = contender === greenspec;
    if (isGreen) {
      verdict(
        `Overhead, at most ${ratio(TARGETS.overheadRatioMax)} bare openapi-fetch: ${r <= TARGETS.overheadRatioMax ? "met" : "MISSED"} at ${ratio(r)} (${micros(s.median, 1)} vs ${micros(base, 1)} per call).`,
      );
    }
    rows.push({
      section: "overhead (stub fetch)",
      name: contender.name,
      value: `${micros(s.median, 1)}/call`,
      spread: `p5-p95 ${s.p5.toFixed(1)}-${s.p95.toFixed(1)} µs`,
      ratio: contender === bareOpenapiFetch ? "1.00x (base)" : `${ratio(r)} openapi-fetch`,
      target: isGreen ? `<= ${ratio(TARGETS.overheadRatioMax)} openapi-fetch` : "",
      result: isGreen ? (r <= TARGETS.overheadRatioMax ? "met" : "MISSED") : "reference",
    });
  }
}

// ---- browser bundle
let greenspecInputs: { path: string; bytes: number }[] = [];
{
  log("bundle: esbuild, browser, esm, minified, gzip -9");
  const names = [
    ...(missingGreenspec ? [] : (["greenspec"] as const)),
    "openapi-fetch",
    "axios",
  ] as const;
  for (const name of names) {
    const size = await measureBundle(name);
    const isGreen = name === "greenspec";
    const share = TARGETS.officialSdkGzipBytes * TARGETS.officialSdkShareMax;
    const ok = size.gzipBytes <= TARGETS.bundleGzipMaxBytes && size.gzipBytes < share;
    if (isGreen) {
      verdict(
        `Bundle at most ${TARGETS.bundleGzipMaxBytes} B gzip: ${size.gzipBytes <= TARGETS.bundleGzipMaxBytes ? "met" : "MISSED"} at ${size.gzipBytes} B (${size.gzipBytes <= TARGETS.bundleGzipMaxBytes ? `${TARGETS.bundleGzipMaxBytes - size.gzipBytes} B to spare` : `${size.gzipBytes - TARGETS.bundleGzipMaxBytes} B over`}).`,
      );
      verdict(
        `Bundle under ${TARGETS.officialSdkShareMax}x the official SDK (${share} B of about ${TARGETS.officialSdkGzipBytes} B, cited): ${size.gzipBytes < share ? "met" : "MISSED"} at ${ratio(size.gzipBytes / TARGETS.officialSdkGzipBytes)} of it.`,
      );
      greenspecInputs = size.inputs;
    }
    rows.push({
      section: "bundle (gzip)",
      name: name === "greenspec" ? "greenspec (whole client)" : `${name} alone`,
      value: bytes(size.gzipBytes),
      spread: `minified ${size.minifiedBytes} B`,
      ratio: `${ratio(size.gzipBytes / TARGETS.officialSdkGzipBytes)} official SDK`,
      target: isGreen
        ? `<= ${TARGETS.bundleGzipMaxBytes} B and < ${TARGETS.officialSdkShareMax}x official SDK`
        : "",
      result: isGreen ? (ok ? "met" : "MISSED") : "reference",
    });
  }
  rows.push({
    section: "bundle (gzip)",
    name: "official JS SDK (cited)",
    value: `about ${TARGETS.officialSdkGzipBytes} B`,
    spread: "not measured here",
    ratio: "1.00x (base)",
    target: "",
    result: "baseline",
  });
}

// ---- the mock's throughput
{
  log("mock: Prism through @greenspec/mock, fixed request counts per concurrency");
  const mock = await startMock();
  try {
    await measureThroughput(mock.url, {
      concurrency: 10,
      requests: CONFIG.mock.warmupRequests,
      maxSeconds: CONFIG.mock.maxSeconds,
    });
    for (const level of CONFIG.mock.levels) {
      const r = await measureThroughput(mock.url, { ...level, maxSeconds: CONFIG.mock.maxSeconds });
      rows.push({
        section: "mock (Prism)",
        name: `${level.concurrency} concurrent client${level.concurrency > 1 ? "s" : ""}`,
        value: `${r.requestsPerSecond.toFixed(0)} req/s`,
        spread: `latency p50 ${r.latencyMs.median.toFixed(1)} ms, p5-p95 ${r.latencyMs.p5.toFixed(1)}-${r.latencyMs.p95.toFixed(1)} ms`,
        ratio: "",
        target: "",
        result: `${r.completed} requests in ${r.seconds.toFixed(1)} s, ${r.failed} not 200${r.stoppedEarly ? ", stopped at the time cap" : ""}`,
      });
    }
  } finally {
    await mock.close();
  }
}

// ---- the emulator, side by side with Prism, in a fresh process: its in-process call is timed
// without the garbage and compiled code the sections above leave in this one.
{
  const child = spawnSync(
    process.execPath,
    [fileURLToPath(new URL("emulator-main.js", import.meta.url)), "--json"],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], timeout: 600_000 },
  );
  let emulatorRows: Row[] | undefined;
  try {
    emulatorRows = JSON.parse(child.stdout);
  } catch {}
  if (child.status !== 0 || !Array.isArray(emulatorRows)) {
    const why = `emulator-main exited ${child.status}${child.error ? ` (${child.error.message})` : ""}`;
    verdict(`Emulator: not measured (${why}).`);
  } else rows.push(...emulatorRows);
}

// ---- the group job: 1,000 people against the in-process emulator, journal on
rows.push(...(await measureGroupJob()));

// ---- the docs site in a throttled Chromium, side by side with Redoc's own page
{
  const docs = measureDocsSite(log);
  rows.push(...docs.rows);
  for (const line of docs.verdicts) verdict(line);
}

// ---- the pipeline, on request
let pipeline: PipelineResult | undefined;
if (withPipeline) {
  pipeline = await measurePipeline(log);
  for (const step of pipeline.steps) {
    const isWarm = step.name === "warm build";
    const fullHit = /full cache hit/.test(step.detail);
    if (isWarm)
      verdict(`Warm build a full turbo cache hit: ${fullHit ? "met" : "MISSED"} (${step.detail}).`);
    rows.push({
      section: "pipeline (fresh clone)",
      name: step.name,
      value: `${step.seconds.toFixed(1)} s`,
      spread: step.command,
      ratio: "",
      target: isWarm ? "full cache hit" : "",
      result: isWarm ? `${fullHit ? "met" : "MISSED"}: ${step.detail}` : step.detail,
    });
  }
  const failed = pipeline.steps.find((step) => step.status !== 0 && step.name !== "test");
  if (failed) {
    verdict(
      `Pipeline stopped: ${failed.name} of commit ${pipeline.commit} failed, so the later steps (and the warm-build cache check) were not measured; its output is in ${PIPELINE_LOG_DIR}.`,
    );
  }
}

const elapsed = (Date.now() - startedAt.getTime()) / 1000;
console.log(textTable(rows));
console.log("");
for (const line of verdicts) console.log(`- ${line}`);
if (missingGreenspec) console.log(`- greenspec was not measured: ${missingGreenspec}`);
console.log(`\n(${elapsed.toFixed(0)} s; BENCHMARKS.md written)`);

const benchmarksFile = join(REPO_ROOT, "BENCHMARKS.md");
writeFileSync(benchmarksFile, renderMarkdown());
// The repo's one formatter aligns markdown tables; `pnpm test` runs `biome ci` over this file too.
const formatted = spawnSync(
  join(REPO_ROOT, "node_modules/.bin/biome"),
  ["format", "--write", benchmarksFile],
  {
    cwd: REPO_ROOT,
    encoding: "utf8",
  },
);
if (formatted.status !== 0) log(`biome could not format BENCHMARKS.md: ${formatted.stderr}`);

function renderMarkdown(): string {
  const c = CONFIG;
  const v = machine.versions;
  return `# Benchmarks

Written by \`pnpm bench${withPipeline ? " --pipeline" : ""}\` on ${startedAt.toISOString().slice(0, 10)} in ${elapsed.toFixed(0)} s; run it again to refresh
every number below (the file is rewritten whole). \`pnpm bench --pipeline\` adds the pipeline rows.

## Machine

- CPU: ${machine.cpuModel}, ${machine.cores} cores; memory ${machine.memoryGiB} GiB; ${machine.platform}
- Load average at the start (1 / 5 / 15 min): ${machine.loadAverage}; the cores are shared with other work, so
  single numbers move from run to run, and ratios measured side by side move much less
- Node ${machine.node}; @greenspec/client ${v["@greenspec/client"]}, openapi-fetch ${v["openapi-fetch"]}, axios ${v.axios},
  esbuild ${v.esbuild}, Prism (@stoplight/prism-http-server) ${v["@stoplight/prism-http-server"]}, pnpm ${v.pnpm}, turbo ${v.turbo}
- Commit: ${machine.commit}${pipeline ? `; the pipeline rows ran on a fresh clone of ${pipeline.commit}` : ""}

## Results

${markdownTable(rows)}

## Targets

${verdicts.map((line) => `- ${line}`).join("\n")}${missingGreenspec ? `\n- greenspec was not measured: ${missingGreenspec}` : ""}${withPipeline ? "" : "\n- Pipeline: not run this time (`pnpm bench --pipeline`)."}

${
  greenspecInputs.length
    ? `## What greenspec's bundle holds

Minified bytes in the bundle, per input file (esbuild's metafile), largest first:

${greenspecInputs.map((i) => `- ${i.bytes} B: \`${i.path.replace(/^(\.\.\/)+/, "").replace(/^node_modules\/\.pnpm\/[^/]+\/node_modules\//, "")}\``).join("\n")}

`
    : ""
}## What each row measures

**latency (loopback)**: a node:http server in its own process on 127.0.0.1 answers
\`{"addParticipant":true}\`. ${c.latency.warmupRounds} warm-up rounds, then ${c.latency.rounds} measured rounds; each
round makes one call per client in an order shuffled by a seeded PRNG (seed ${c.seed}), so every client
sees the same machine state. Every client sends the same URL, body and content type with its
default options, and each call counts only once its JSON answer is parsed and checked. Median and
p5-p95 are per call in microseconds; the ratio is the median over raw fetch's median, and
"blocks" is the range of that ratio over ${c.latency.blocks} consecutive slices of the run (how stable it is).

${latencyContenders.map((x) => `- ${x.name}: ${x.meaning}.`).join("\n")}

**overhead (stub fetch)**: the same calls through a \`fetch\` that never touches the network and
answers a fresh canned 200 \`Response\` (the same bytes and headers as the server). ${c.overhead.batches}
batches of ${c.overhead.callsPerBatch} calls per client, interleaved and shuffled, after ${c.overhead.warmupBatches} warm-up batches; each
sample is one batch's time per call. Creating the canned \`Response\` and parsing it is in every
row, so raw fetch's row is that floor.

**bundle (gzip)**: \`bench/entries/*.ts\` (create the client, call addGroupParticipant, log the
answer) bundled by esbuild (\`platform: browser\`, \`format: esm\`, minified, no legal comments)
and gzipped at level 9. \`pnpm test\` fails when greenspec's bundle is over
${TARGETS.bundleGzipMaxBytes} B (\`bench/test/bundle-size.test.ts\`). The official JS SDK,
\`@green-api/whatsapp-api-client\`, does not install from this machine's registry (it depends
on a package that is not served), so its size is cited, not measured: about 36 kB gzip, as recorded
in the project's reference notes on Green API.

**mock (Prism)**: \`startMock()\` from @greenspec/mock (the real Prism, in its own process) takes
valid addGroupParticipant requests from N concurrent keep-alive node:http clients in this
process: ${c.mock.warmupRequests} warm-up requests, then ${c.mock.levels.map((l) => `${l.requests} at ${l.concurrency}`).join(", ")} (capped at ${c.mock.maxSeconds} s each).
Requests per second counts 200 answers only; latency is per request, in milliseconds.

**emulator vs Prism**: measured in a process of its own (\`dist/emulator-main.js\`), so the sections
before it leave nothing on its heap. \`createEmulator()\` timed in ${EMULATOR_CONFIG.coldStarts} fresh processes (import, create and
first call apart; medians), against \`startMock()\` until Prism answers. A call through the client:
addGroupParticipant, ${EMULATOR_CONFIG.calls.measured} in-process calls on the emulator's \`fetch\` (manual clock moved 100 ms per
call) against ${EMULATOR_CONFIG.prismCalls.measured} to Prism on loopback. HTTP: the emulator in its own process, like Prism;
${EMULATOR_CONFIG.load.requests} valid addGroupParticipant requests from ${EMULATOR_CONFIG.load.concurrency} keep-alive clients, spread over
${EMULATOR_CONFIG.instances} instances so that no instance passes the method's rate limit, the same requests to both (200s
counted). Memory: the emulator process's RSS (after a GC) once ${EMULATOR_CONFIG.groups} groups exist, each made by its own
instance over HTTP with five members, against Prism's RSS after its load.

**docs site (throttled)**: \`apps/docs/scripts/measure.mjs\` opens the built site (served by its
static server, compressed and cached as it ships) in Debian's Chromium with a fresh cache, through
CDP at 10 Mbit/s, 150 ms round trip and a 4x slower CPU, at \`/en/#/participants/addGroupParticipant\`,
then switches to /ru/. In the same run, interleaved, it opens the baseline: Redoc's own page of the
same spec (\`redocly build-docs --inlineBundle\`, as the first release shipped). Medians of ${DOCS_RUNS} runs
each. "First operation on screen" is the first frame that shows the linked operation: the site's
static preview of it (by Element Timing) or Redoc's rendering, whichever comes first; the goal is
under ${DOCS_TARGETS.firstOperationMs} ms, and a language switch under ${DOCS_TARGETS.languageSwitchBytes} B on the wire.

**pipeline (fresh clone)**: \`git clone\` of the repo into a temp dir (committed files only),
then \`pnpm install --frozen-lockfile\` (a fresh node_modules, linked from this machine's
package store), a cold \`pnpm build\` (empty turbo cache), the same build again (it must be a
full turbo cache hit), and \`pnpm test\`. Each step's whole output is kept in
\`${PIPELINE_LOG_DIR}\` on the machine that ran it.
`;
}
