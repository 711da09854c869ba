import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { describe, expect, inject, it } from "vitest";
import { run } from "../src/run.js";
import { consumerDir, repoRoot } from "../src/workspace.js";

const packed = inject("packed");
const require = createRequire(import.meta.url);
const attwManifest = require.resolve("@arethetypeswrong/cli/package.json");
const attwBin = join(
  dirname(attwManifest),
  (JSON.parse(readFileSync(attwManifest, "utf8")) as { bin: Record<string, string> }).bin.attw ??
    "",
);

interface AttwProblem {
  kind: string;
  entrypoint?: string;
  resolutionKind?: string;
}

interface AttwReport {
  analysis: { types: unknown };
  problems?: Record<string, AttwProblem[]>;
}

// Every package is ESM only ("type": "module"), so CommonJS and node10 resolution are out of scope.
const ESM_ONLY_IGNORED = new Set(["node10", "node16-cjs"]);

/** True when the package's exports name a `types` condition anywhere. */
function declaresTypes(exportsField: unknown): boolean {
  if (exportsField === null || typeof exportsField !== "object") return false;
  return Object.entries(exportsField).some(
    ([key, value]) => key === "types" || declaresTypes(value),
  );
}

describe.each(packed.map((pkg) => [pkg.name, pkg] as const))("%s", (_name, pkg) => {
  it("passes publint on its tarball with no error, warning or suggestion", async () => {
    const tarball = readFileSync(pkg.tarball);
    const { messages, pkg: manifest } = await publint({
      pack: {
        tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.length),
      },
      level: "suggestion",
      strict: true,
    });
    const lines = messages.map(
      (message) => `${message.type}: ${formatMessage(message, manifest, { color: false })}`,
    );
    expect(lines).toEqual([]);
  });

  it("passes attw (esm-only profile) on its tarball, and attw really saw its types", async () => {
    // A package may keep its own attw settings in .attw.json beside its package.json.
    const ownConfig = join(repoRoot, pkg.dir, ".attw.json");
    const args = [attwBin, pkg.tarball, "--profile", "esm-only", "--format", "json"];
    if (existsSync(ownConfig)) args.push("--config-path", ownConfig);
    const result = await run(process.execPath, args, { cwd: consumerDir, timeoutMs: 60_000 });
    const report = JSON.parse(result.stdout) as AttwReport;
    const problems = Object.values(report.problems ?? {})
      .flat()
      .filter((problem) => !ESM_ONLY_IGNORED.has(problem.resolutionKind ?? ""));
    expect(problems).toEqual([]);
    expect(result.code, result.stderr).toBe(0);
    // attw passes a package with no types at all; one that declares types must have them analysed.
    if (declaresTypes(pkg.manifest.exports)) expect(report.analysis.types).not.toBe(false);
  });
});
