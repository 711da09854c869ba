// The developer pipeline's wall times, in a fresh clone (committed files only) in a temp dir.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { stripVTControlCharacters } from "node:util";
import { REPO_ROOT } from "./machine.js";

/** Each step's full output, kept after the temp clone is gone. */
export const PIPELINE_LOG_DIR = join(tmpdir(), "greenspec-pipeline-logs");

export interface Step {
  name: string;
  command: string;
  seconds: number;
  status: number;
  /** What the step's output says that matters (cache hits, test totals). */
  detail: string;
}

export interface PipelineResult {
  commit: string;
  steps: Step[];
}

/** The calling `pnpm run`'s variables and bin folders would leak the main checkout into the clone. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|PNPM_|INIT_CWD$)/i.test(key)) continue;
    env[key] = value;
  }
  env.PATH = (process.env.PATH ?? "")
    .split(":")
    .filter((dir) => !dir.startsWith(REPO_ROOT))
    .join(":");
  env.TURBO_TELEMETRY_DISABLED = "1";
  env.REDOCLY_TELEMETRY = "off";
  return env;
}

function run(
  cmd: string,
  args: string[],
  cwd: string,
): Promise<{ seconds: number; status: number; output: string }> {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(cmd, args, { cwd, env: cleanEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-200_000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.once("close", (code) => {
      resolve({ seconds: (performance.now() - start) / 1000, status: code ?? 1, output });
    });
  });
}

export async function measurePipeline(log: (line: string) => void): Promise<PipelineResult> {
  const dir = mkdtempSync(join(tmpdir(), "greenspec-pipeline-"));
  const repo = join(dir, "repo");
  try {
    const clone = await run("git", ["clone", "--quiet", REPO_ROOT, repo], dir);
    if (clone.status !== 0) throw new Error(`git clone failed: ${clone.output}`);
    const commit = (await run("git", ["rev-parse", "--short", "HEAD"], repo)).output.trim();
    const steps: Step[] = [];
    const plan: { name: string; args: string[]; detail: (out: string) => string }[] = [
      { name: "cold install", args: ["install", "--frozen-lockfile"], detail: installDetail },
      { name: "cold build", args: ["build"], detail: cacheDetail },
      { name: "warm build", args: ["build"], detail: cacheDetail },
      { name: "test", args: ["test"], detail: testDetail },
    ];
    for (const step of plan) {
      log(`pipeline: ${step.name} (pnpm ${step.args.join(" ")})`);
      const result = await run("pnpm", step.args, repo);
      const out = stripVTControlCharacters(result.output);
      mkdirSync(PIPELINE_LOG_DIR, { recursive: true });
      writeFileSync(join(PIPELINE_LOG_DIR, `${step.name.replace(/ /g, "-")}.log`), out);
      steps.push({
        name: step.name,
        command: `pnpm ${step.args.join(" ")}`,
        seconds: result.seconds,
        status: result.status,
        detail: step.detail(out) + (result.status === 0 ? "" : `; exit ${result.status}`),
      });
      // Nothing after a failed install or build measures anything real.
      if (result.status !== 0 && step.name !== "test") {
        log(out.split("\n").slice(-30).join("\n"));
        break;
      }
    }
    return { commit, steps };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function installDetail(out: string): string {
  const packages = /Packages: \+(\d+)/.exec(out)?.[1];
  return packages ? `${packages} packages linked from the local store` : "";
}

function cacheDetail(out: string): string {
  const cached = /Cached:\s+(\d+) cached, (\d+) total/.exec(out);
  if (!cached) return "no turbo summary";
  const full = cached[1] === cached[2] ? " (full cache hit)" : "";
  return `Cached: ${cached[1]} cached, ${cached[2]} total${full}`;
}

function testDetail(out: string): string {
  const totals = [...out.matchAll(/^(\d+) passed, (\d+) failed.*$/gm)].pop();
  return totals ? totals[0] : "no test total printed";
}
