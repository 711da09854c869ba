// Measures the built site as a reader on a slow link meets it, in Debian's Chromium: bytes on
// the wire for a first visit and for a language switch, and the time to the first operation in
// a throttled profile (10 Mbit/s, 150 ms round trip, 4x slower CPU, through CDP). Side by side,
// in the same run, it measures the baseline: Redoc's own page of the same spec (build-docs
// with its bundle inlined, as the first release shipped it), served the same way.
//   node scripts/measure.mjs [--root dist] [--server src/static-server.mjs] [--runs 3]
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { inlineCdnImages } from "../src/offline.mjs";
import { specFile } from "../src/site.mjs";

const here = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  options: {
    root: { type: "string", default: join(here, "dist") },
    server: { type: "string", default: join(here, "src", "static-server.mjs") },
    runs: { type: "string", default: "3" },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 20) throw new Error("--runs must be 1 to 20");

/** The throttled profile of the issue. */
export const PROFILE = {
  downloadThroughput: (10 * 1000 * 1000) / 8,
  uploadThroughput: (10 * 1000 * 1000) / 8,
  latency: 150,
  cpuSlowdown: 4,
};

/** The operation a reader's link points to (the element id is Redoc's, lower case). */
const OPERATION = {
  hash: "#/participants/addGroupParticipant",
  id: "participants/addgroupparticipant",
};

const work = mkdtempSync(join(tmpdir(), "greenspec-measure-"));
const { startStaticServer } = await import(pathToFileURL(resolve(values.server)).href);
const site = await startStaticServer({ root: resolve(values.root) });
const baseline = await startStaticServer({ root: buildBaseline(join(work, "baseline")) });
/** @type {{ site: Record<string, number>[], baseline: Record<string, number>[] }} */
const results = { site: [], baseline: [] };
try {
  // Interleaved, so a change in the machine's load falls on both alike.
  for (let run = 0; run < runs; run++) {
    results.site.push(await measureOnce(site.url));
    results.baseline.push(await measureOnce(baseline.url));
  }
} finally {
  await Promise.all([site.close(), baseline.close()]);
  rmSync(work, { recursive: true, force: true });
}

const median = (/** @type {number[]} */ list) =>
  [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
const FIGURES = [
  "firstVisitBytes",
  "languageSwitchBytes",
  "firstOperationMs",
  "redocOperationMs",
  "interactiveMs",
];
/** @param {Record<string, number>[]} list */
const medians = (list) =>
  Object.fromEntries(FIGURES.map((name) => [name, median(list.map((r) => r[name] ?? Number.NaN))]));
const siteFigures = medians(results.site);
const baselineFigures = medians(results.baseline);
const ratio = (/** @type {string} */ name) => {
  const value = (siteFigures[name] ?? Number.NaN) / (baselineFigures[name] ?? Number.NaN);
  return Math.round(value * 100) / 100;
};
console.log(
  JSON.stringify({
    ...siteFigures,
    runs,
    baseline: baselineFigures,
    // Under 1: the site does better than Redoc's own page of the same spec.
    ratios: {
      firstVisitBytes: ratio("firstVisitBytes"),
      firstOperationMs: ratio("firstOperationMs"),
      interactiveMs: ratio("interactiveMs"),
    },
  }),
);

/**
 * Redoc's own page of the English spec in <dir>/en/, its module inlined and its CDN logo made
 * inline (the baseline must load nothing from outside either); no compressed copies.
 * @param {string} dir
 */
function buildBaseline(dir) {
  const page = join(dir, "en", "index.html");
  mkdirSync(join(dir, "en"), { recursive: true });
  const cli = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
  execFileSync(
    process.execPath,
    [cli, "build-docs", specFile, "--inlineBundle", `--output=${page}`],
    { cwd: dir, env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" }, stdio: "pipe" },
  );
  writeFileSync(page, inlineCdnImages(readFileSync(page, "utf8")));
  return dir;
}

/** @param {string} origin */
async function measureOnce(origin) {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    // No request routing: Playwright turns the HTTP cache off for routed contexts. The site
    // loads nothing from outside loopback (test/site.test.ts pins that).
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: PROFILE.latency,
      downloadThroughput: PROFILE.downloadThroughput,
      uploadThroughput: PROFILE.uploadThroughput,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: PROFILE.cpuSlowdown });
    let bytes = 0;
    cdp.on("Network.loadingFinished", (event) => {
      bytes += event.encodedDataLength;
    });
    const started = Date.now();
    await page.goto(`${origin}/en/${OPERATION.hash}`, { waitUntil: "commit" });
    // The first operation: the linked operation on screen, as the build's static preview (the
    // frame that painted its title, by Element Timing: a poll could not run while Redoc's module
    // is evaluated) or as Redoc renders it, whichever comes first.
    await page.waitForFunction(
      (id) => {
        const rect = document.getElementById(id)?.getBoundingClientRect();
        return rect !== undefined && rect.height > 0 && rect.top >= 0 && rect.top < innerHeight;
      },
      OPERATION.id,
      { timeout: 120_000, polling: 50 },
    );
    const redocShown = Date.now() - started;
    const previewPainted = await page.evaluate(
      () =>
        new Promise((resolvePaint) => {
          new PerformanceObserver((list) => {
            const entry = /** @type {any} */ (list.getEntries()[0]);
            resolvePaint(performance.timeOrigin + (entry.renderTime || entry.loadTime));
          }).observe({ type: "element", buffered: true });
          setTimeout(() => resolvePaint(undefined), 1000);
        }),
    );
    const firstOperationMs =
      typeof previewPainted === "number"
        ? Math.min(redocShown, Math.round(previewPainted - started))
        : redocShown;
    const redocOperationMs = redocShown;
    await page.waitForFunction(
      () => {
        const menu = document.querySelector('[data-component-name="Menu/Menu"]');
        return menu !== null && Object.keys(menu).some((key) => key.startsWith("__reactFiber"));
      },
      undefined,
      { timeout: 120_000 },
    );
    const interactiveMs = Date.now() - started;
    await page.waitForLoadState("networkidle");
    const firstVisitBytes = bytes;
    bytes = 0;
    // The baseline has no switch: it reports no figure.
    let languageSwitchBytes = Number.NaN;
    if (await page.locator("#language-switch").count()) {
      await page.locator("#language-switch").click();
      await page.waitForURL(/\/ru\//);
      await page.waitForLoadState("networkidle");
      languageSwitchBytes = bytes;
    }
    return {
      firstVisitBytes,
      languageSwitchBytes,
      firstOperationMs,
      redocOperationMs,
      interactiveMs,
    };
  } finally {
    await browser.close();
  }
}
