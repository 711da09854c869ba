// `pnpm bench`: every measurement with fixed counts and a fixed seed (bench-config.ts), one table
// on stdout, and the same table with the machine and the targets in BENCHMARKS.md at the repo root.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderMarkdown } from "./benchmarks-md.js";
import { bundleSection, latencySection, overheadSection } from "./client-sections.js";
import {
  axiosClient,
  bareOpenapiFetch,
  baselineGreenspec,
  type Contender,
  greenspec,
  lightOpenapiFetch,
  rawFetch,
  rawFetchSignal,
} from "./contenders.js";
import { measureDocsSite } from "./docs-site.js";
import { greenspecUnavailable } from "./greenspec.js";
import { measureGroupJob } from "./group-job-bench.js";
import { describeMachine, REPO_ROOT } from "./machine.js";
import type { PipelineResult } from "./pipeline.js";
import { type Row, textTable } from "./report.js";
import { emulatorSection, mockSection, pipelineSection } from "./service-sections.js";

const withPipeline = process.argv.includes("--pipeline");
// `--baseline DIR`: a build of the client to measure beside this one (its dist folder).
const baselineAt = process.argv.indexOf("--baseline");
const baselineDir = baselineAt === -1 ? undefined : process.argv[baselineAt + 1];
const log = (line: string) => process.stderr.write(`${line}\n`);
const startedAt = new Date();
const machine = describeMachine();
const missingGreenspec = await greenspecUnavailable();
if (missingGreenspec) log(`greenspec is not measured: ${missingGreenspec}`);

const rows: Row[] = [];
const verdicts: string[] = [];
const add = (section: { rows: Row[]; verdicts: string[] }) => {
  rows.push(...section.rows);
  verdicts.push(...section.verdicts);
};
const ours = [
  ...(missingGreenspec ? [] : [greenspec]),
  ...(baselineDir ? [baselineGreenspec(baselineDir)] : []),
];

// ---- latency on loopback, then the client's overhead against a stub fetch
const latencyContenders: Contender[] = [
  rawFetch,
  rawFetchSignal,
  bareOpenapiFetch,
  lightOpenapiFetch,
  axiosClient,
  ...ours,
];
add(await latencySection(latencyContenders, log));
const overheadContenders = [rawFetch, rawFetchSignal, bareOpenapiFetch, lightOpenapiFetch, ...ours];
add(await overheadSection(overheadContenders, log));

// ---- browser bundle
const bundle = await bundleSection(missingGreenspec, log);
add(bundle);

// ---- the mock's throughput, the emulator beside Prism, the group job (1,000 people against the
// in-process emulator, journal on), the docs site in a throttled Chromium beside Redoc's page
rows.push(...(await mockSection(log)));
add(emulatorSection());
rows.push(...(await measureGroupJob()));
add(measureDocsSite(log));

// ---- the pipeline, on request
let pipeline: PipelineResult | undefined;
if (withPipeline) {
  const section = await pipelineSection(log);
  add(section);
  pipeline = section.pipeline;
}

const elapsed = (Date.now() - startedAt.getTime()) / 1000;
console.log(textTable(rows));
console.log("");
for (const line of verdicts) console.log(`- ${line}`);
if (missingGreenspec) console.log(`- greenspec was not measured: ${missingGreenspec}`);
console.log(`\n(${elapsed.toFixed(0)} s; BENCHMARKS.md written)`);

const benchmarksFile = join(REPO_ROOT, "BENCHMARKS.md");
writeFileSync(
  benchmarksFile,
  renderMarkdown({
    rows,
    verdicts,
    missingGreenspec,
    withPipeline,
    pipeline,
    greenspecInputs: bundle.greenspecInputs,
    latencyContenders,
    startedAt,
    elapsed,
    machine,
  }),
);
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
