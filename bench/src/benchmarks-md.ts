// BENCHMARKS.md: the machine, the table, the verdicts, and what each row measures.
import { CONFIG } from "./bench-config.js";
import type { Contender } from "./contenders.js";
import { DOCS_RUNS, DOCS_TARGETS } from "./docs-site.js";
import { EMULATOR_CONFIG } from "./emulator-config.js";
import type { describeMachine } from "./machine.js";
import { PIPELINE_LOG_DIR, type PipelineResult } from "./pipeline.js";
import { markdownTable, type Row } from "./report.js";
import { TARGETS } from "./targets.js";

/** What one run measured and how it ran. */
export interface Run {
  rows: Row[];
  verdicts: string[];
  missingGreenspec: string | undefined;
  withPipeline: boolean;
  pipeline: PipelineResult | undefined;
  greenspecInputs: { path: string; bytes: number }[];
  latencyContenders: Contender[];
  startedAt: Date;
  elapsed: number;
  machine: ReturnType<typeof describeMachine>;
}

export function renderMarkdown(run: Run): string {
  const {
    rows,
    verdicts,
    missingGreenspec,
    withPipeline,
    pipeline,
    greenspecInputs,
    latencyContenders,
    startedAt,
    elapsed,
    machine,
  } = run;
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
p5-p95 are per call in microseconds. The run is cut into ${c.latency.blocks} consecutive slices, each an interleaved
run of ${c.latency.rounds / c.latency.blocks} rounds; the ratio is the median over the slices of each slice's median over raw
fetch's median in that slice, and "runs" is the range of those ratios (how stable it is).

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
