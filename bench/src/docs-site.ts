// The reference site as a reader on a slow link meets it, side by side with Redoc's own page of
// the same spec: apps/docs/scripts/measure.mjs in a child process (it needs the built site and
// Debian's Chromium), its medians turned into rows.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./machine.js";
import { bytes, type Row, ratio } from "./report.js";

/** The docs issue's goals, in the throttled profile. */
export const DOCS_TARGETS = { firstOperationMs: 2500, languageSwitchBytes: 150_000 } as const;
export const DOCS_RUNS = 3;

const MEASURE = join(REPO_ROOT, "apps", "docs", "scripts", "measure.mjs");
const CHROMIUM = "/usr/bin/chromium";
const SECTION = "docs site (throttled)";

interface Figures {
  firstVisitBytes: number;
  languageSwitchBytes: number | null;
  firstOperationMs: number;
  redocOperationMs: number;
  interactiveMs: number;
}

export interface DocsResult {
  rows: Row[];
  verdicts: string[];
}

export function measureDocsSite(log: (line: string) => void): DocsResult {
  const missing = !existsSync(CHROMIUM)
    ? `${CHROMIUM} is missing (Debian's chromium package)`
    : !existsSync(join(REPO_ROOT, "apps", "docs", "dist", "en", "index.html"))
      ? "the site is not built (pnpm --filter @greenspec/docs build)"
      : undefined;
  if (missing) return notMeasured(missing);
  log(`docs: the built site and Redoc's own page, ${DOCS_RUNS} interleaved runs each, throttled`);
  const run = spawnSync(process.execPath, [MEASURE, "--runs", String(DOCS_RUNS)], {
    encoding: "utf8",
    timeout: 600_000,
    env: { ...process.env, REDOCLY_TELEMETRY: "off" },
  });
  const line = run.stdout?.trim().split("\n").at(-1) ?? "";
  let parsed: (Figures & { baseline: Figures }) | undefined;
  try {
    parsed = JSON.parse(line);
  } catch {}
  if (run.status !== 0 || !parsed?.baseline) {
    const why = (run.stderr || run.error?.message || line).trim().split("\n").slice(-3).join(" ");
    return notMeasured(`measure.mjs failed (exit ${run.status}): ${why}`);
  }
  const site = parsed;
  const base = parsed.baseline;
  const of = (value: number, baseline: number) => `${ratio(value / baseline)} Redoc's page`;
  const firstOk = site.firstOperationMs < DOCS_TARGETS.firstOperationMs;
  const switchOk =
    (site.languageSwitchBytes ?? Number.POSITIVE_INFINITY) < DOCS_TARGETS.languageSwitchBytes;
  // A figure beside the baseline's, with no target of its own.
  const reference = (name: string, value: number, baseline: number, show: (n: number) => string) =>
    row(name, show(value), `Redoc's page: ${show(baseline)}`, of(value, baseline), "", "reference");
  const milliseconds = (n: number) => `${n} ms`;
  const rows: Row[] = [
    reference("first visit, bytes on the wire", site.firstVisitBytes, base.firstVisitBytes, bytes),
    row(
      "then switching language",
      bytes(site.languageSwitchBytes ?? Number.NaN),
      "Redoc's page: a whole second page",
      of(site.languageSwitchBytes ?? Number.NaN, base.firstVisitBytes),
      `< ${DOCS_TARGETS.languageSwitchBytes} B`,
      switchOk ? "met" : "MISSED",
    ),
    row(
      "first operation on screen",
      milliseconds(site.firstOperationMs),
      `Redoc's page: ${milliseconds(base.firstOperationMs)}`,
      of(site.firstOperationMs, base.firstOperationMs),
      `< ${DOCS_TARGETS.firstOperationMs} ms`,
      firstOk ? "met" : "MISSED",
    ),
    reference(
      "Redoc's rendering of it",
      site.redocOperationMs,
      base.redocOperationMs,
      milliseconds,
    ),
    reference("interactive (hydrated)", site.interactiveMs, base.interactiveMs, milliseconds),
  ];
  return {
    rows,
    verdicts: [
      `Docs, first operation on screen under ${DOCS_TARGETS.firstOperationMs} ms throttled: ${firstOk ? "met" : "MISSED"} at ${site.firstOperationMs} ms (Redoc's own page of the same spec: ${base.firstOperationMs} ms; Redoc's rendering on the site: ${site.redocOperationMs} ms).`,
      `Docs, language switch under ${DOCS_TARGETS.languageSwitchBytes} B on the wire: ${switchOk ? "met" : "MISSED"} at ${site.languageSwitchBytes} B.`,
    ],
  };
}

function row(...[name, value, spread, ratio, target, result]: string[]): Row {
  return {
    section: SECTION,
    name: name ?? "",
    value: value ?? "",
    spread: spread ?? "",
    ratio: ratio ?? "",
    target: target ?? "",
    result: result ?? "",
  };
}

function notMeasured(why: string): DocsResult {
  return {
    rows: [row("not measured", "", "", "", "", why)],
    verdicts: [`Docs site: not measured (${why}).`],
  };
}
