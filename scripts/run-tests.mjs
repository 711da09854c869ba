// The README's test command: every check through turbo, then one line totalled over every vitest
// report, because CI reads `N passed, N failed` and turbo interleaves the runners' own summaries.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
// Every workspace package, read from pnpm-workspace.yaml so a new one can never be left uncounted.
// Only the `packages:` list counts: it ends at the next top-level key, whichever that is.
const workspaceFile = `${readFileSync(join(root, "pnpm-workspace.yaml"), "utf8")}\n`;
const workspaceDirs = (/^packages:\n((?:[ \t#].*\n|\n)*)/m.exec(workspaceFile)?.[1] ?? "")
  .split("\n")
  .map((line) => /^\s+-\s+['"]?([^'"\s]+)/.exec(line)?.[1])
  .filter((pattern) => pattern !== undefined)
  .flatMap((pattern) => (pattern.endsWith("/*") ? listDirs(pattern.slice(0, -2)) : [pattern]))
  .filter((dir) => existsSync(join(root, dir, "package.json")));

function listDirs(parent) {
  const dir = join(root, parent);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(parent, entry.name));
}

// Stale reports would be counted again; turbo restores the current ones from its cache.
for (const dir of workspaceDirs)
  rmSync(join(root, dir, ".reports"), { recursive: true, force: true });

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off" };
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: "inherit", env }).status ?? 1;

let status = run("pnpm", ["exec", "biome", "ci", "."]);
const turboStatus = run("pnpm", [
  "exec",
  "turbo",
  "run",
  "lint",
  "typecheck",
  "test",
  "--continue",
  // Two cores: several Prism servers, Chromium and vitest workers at once starve each other.
  "--concurrency=2",
]);
status ||= turboStatus;

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const dir of workspaceDirs) {
  const pkg = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8"));
  if (!pkg.scripts?.test) continue;
  const report = join(root, dir, ".reports", "vitest.json");
  if (!existsSync(report)) {
    missing.push(pkg.name);
    continue;
  }
  const result = JSON.parse(readFileSync(report, "utf8"));
  passed += result.numPassedTests;
  // A suite that broke outside any test (a failed globalSetup, say) has no failed test to count.
  failed += result.numFailedTests || (result.success === false ? 1 : 0);
  skipped += result.numPendingTests + (result.numTodoTests ?? 0);
}
if (missing.length > 0) {
  // A suite that crashed before reporting counts as one failure, so it can never read as green.
  console.error(`no test report from: ${missing.join(", ")}`);
  failed += missing.length;
  status ||= 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(status || (failed > 0 ? 1 : 0));
