// The sections of `pnpm bench` that start servers or processes: the mock's throughput, the
// emulator beside Prism (in a fresh process), and the pipeline of a fresh clone.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startMock } from "@greenspec/mock";
import { CONFIG } from "./bench-config.js";
import type { Section } from "./client-sections.js";
import { measureThroughput } from "./mock-throughput.js";
import { measurePipeline, PIPELINE_LOG_DIR, type PipelineResult } from "./pipeline.js";
import type { Row } from "./report.js";

type Log = (line: string) => void;

/** Prism through @greenspec/mock: requests per second at each concurrency. */
export async function mockSection(log: Log): Promise<Row[]> {
  const rows: Row[] = [];

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
  return rows;
}

/**
 * The emulator, side by side with Prism, in a fresh process: its in-process call is timed without
 * the garbage and compiled code the sections before it leave in this one.
 */
export function emulatorSection(): Section {
  const rows: Row[] = [];
  const verdicts: string[] = [];
  const verdict = (text: string) => verdicts.push(text);

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
  return { rows, verdicts };
}

/** A fresh clone's install, cold and warm build, and test, on request (`--pipeline`). */
export async function pipelineSection(log: Log): Promise<Section & { pipeline: PipelineResult }> {
  const rows: Row[] = [];
  const verdicts: string[] = [];
  const verdict = (text: string) => verdicts.push(text);
  const pipeline = await measurePipeline(log);

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
  return { rows, verdicts, pipeline };
}
