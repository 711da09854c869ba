// The client's sections of `pnpm bench`: latency on loopback, overhead against a stub fetch, and
// the browser bundle. Each gives its table rows and its verdicts on the targets.
import { CONFIG } from "./bench-config.js";
import { measureBundle } from "./bundle.js";
import { startLoopbackServer } from "./child-server.js";
import {
  axiosClient,
  bareOpenapiFetch,
  type Contender,
  greenspec,
  rawFetch,
} from "./contenders.js";
import { measureLatency } from "./latency.js";
import { measureOverhead } from "./overhead.js";
import { bytes, micros, type Row, ratio } from "./report.js";
import { summarize } from "./stats.js";
import { TARGETS } from "./targets.js";

export interface Section {
  rows: Row[];
  verdicts: string[];
}

type Log = (line: string) => void;

const fmtPct = (a: number, b: number) => `${(((a - b) / b) * 100).toFixed(1)}%`;

/** Interleaved, shuffled calls to a node:http server in its own process; ratios to raw fetch. */
export async function latencySection(latencyContenders: Contender[], log: Log): Promise<Section> {
  const rows: Row[] = [];
  const verdicts: string[] = [];
  const verdict = (text: string) => verdicts.push(text);

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
  // Each slice of the run is an interleaved run of its own: the ratio is the median of the
  // slices' ratios, so one disturbed stretch of the machine cannot decide it.
  const sliceRatios = (own: number[]) => {
    const size = Math.floor(own.length / CONFIG.latency.blocks);
    return Array.from({ length: CONFIG.latency.blocks }, (_, b) => {
      const slice = (xs: number[]) => xs.slice(b * size, (b + 1) * size);
      return summarize(slice(own)).median / summarize(slice(base)).median;
    });
  };
  const medians = new Map<string, number>();
  for (const contender of latencyContenders) {
    const own = samples.get(contender.name) ?? [];
    const s = summarize(own);
    medians.set(contender.name, s.median);
    const runs = sliceRatios(own);
    const r = summarize(runs).median;
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
        contender === rawFetch
          ? "1.00x (base)"
          : `${ratio(r)} raw (runs ${Math.min(...runs).toFixed(2)}-${Math.max(...runs).toFixed(2)})`,
      target: isGreen
        ? `<= ${ratio(TARGETS.latencyRatioMax)} (goal ${ratio(TARGETS.latencyRatioGoal)}), < openapi-fetch, < axios`
        : "",
      result,
    });
  }
  return { rows, verdicts };
}

/** The same calls through a fetch that never touches the network; ratios to openapi-fetch. */
export async function overheadSection(overheadContenders: Contender[], log: Log): Promise<Section> {
  const rows: Row[] = [];
  const verdicts: string[] = [];
  const verdict = (text: string) => verdicts.push(text);

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
  return { rows, verdicts };
}

/** Each client's smallest real use, bundled for a browser and gzipped. */
export async function bundleSection(
  missingGreenspec: string | undefined,
  log: Log,
): Promise<Section & { greenspecInputs: { path: string; bytes: number }[] }> {
  const rows: Row[] = [];
  const verdicts: string[] = [];
  const verdict = (text: string) => verdicts.push(text);
  let greenspecInputs: { path: string; bytes: number }[] = [];

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
  return { rows, verdicts, greenspecInputs };
}
