// dependency-cruiser over every workspace package: no cycles, packages reach each other only by
// name, the client stands alone, the spec model imports nothing, nobody uses client internals.
// The same rules run over a planted tree first, so a rule that could never fire is caught.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { architectureDir, binOf, repoRoot, runNode, workspaceDirs } from "./workspace.js";

// The package does not export its package.json: find it in this package's node_modules.
const depcruise = binOf(join(architectureDir, "node_modules/dependency-cruiser"), "depcruise");
const config = join(architectureDir, ".dependency-cruiser.cjs");

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

async function cruise(root: string, dirs: string[]) {
  const result = await runNode(
    depcruise,
    ["--config", config, "--output-type", "json", ...dirs],
    root,
  );
  const report = JSON.parse(result.stdout) as {
    summary: { violations: Violation[]; totalCruised: number };
  };
  return { ...report.summary, code: result.code, stderr: result.stderr };
}

const planted = mkdtempSync(join(tmpdir(), "greenspec-depcruise-"));
afterAll(() => rmSync(planted, { recursive: true, force: true }));

/** Writes `files` (path -> text) under the planted tree. */
function plant(files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(planted, path)), { recursive: true });
    writeFileSync(join(planted, path), text);
  }
}

describe("the dependency rules", () => {
  it("fire on a planted tree that breaks each of them", async () => {
    plant({
      "tsconfig.base.json": "{}",
      "packages/client/package.json":
        '{"name":"@greenspec/client","exports":{".":"./dist/index.js","./internal/*":"./dist/*.js"}}',
      "packages/client/dist/index.js": "export {};\n",
      "packages/client/src/retry.ts": "export const r = 1;\n",
      // A cycle, and the client reaching the CLI by a relative path.
      "packages/client/src/a.ts": 'import "./b.js";\nimport "../../cli/src/run.js";\n',
      "packages/client/src/b.ts": 'import "./a.js";\n',
      "packages/cli/src/run.ts": "export {};\n",
      // The spec model importing a Node built-in.
      "spec/src/model.ts": 'import "node:fs";\n',
      // The mock reaching past the client's exports; the emulator to an exported internal file.
      "packages/mock/src/index.ts": 'import "@greenspec/client/src/retry.js";\n',
      "packages/emulator/src/index.ts": 'import "@greenspec/client/internal/other";\n',
    });
    for (const user of ["packages/mock", "packages/emulator"]) {
      mkdirSync(join(planted, user, "node_modules/@greenspec"), { recursive: true });
      symlinkSync(
        join(planted, "packages/client"),
        join(planted, user, "node_modules/@greenspec/client"),
      );
    }
    plant({ "packages/client/dist/other.js": "export {};\n" });
    const { violations } = await cruise(planted, ["spec", "packages"]);
    const fired = new Set(violations.map((v) => v.rule.name));
    expect([...fired].sort()).toEqual([
      "client-stands-alone",
      "no-client-internals",
      "no-cycles",
      "no-unresolvable",
      "packages-by-name-only",
      "spec-model-imports-nothing",
    ]);
  });

  it("find nothing in the workspace", async () => {
    const dirs = workspaceDirs();
    expect(dirs).toEqual(expect.arrayContaining(["spec", "packages/client", "packages/cli"]));
    const { violations, totalCruised, code, stderr } = await cruise(repoRoot, dirs);
    expect(totalCruised).toBeGreaterThan(100);
    expect(violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
    expect(code, stderr).toBe(0);
  });
});
