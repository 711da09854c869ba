// Does what the root README tells a newcomer: pack every public package, install the tarballs
// with npm into a project outside the workspace (a copy of examples/), then type-check it and run
// its tests. The test file turns each of the example's tests into one of its own.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { type Ran, run, userEnv } from "./run.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));

export interface ExampleTest {
  name: string;
  status: string;
  failureMessages: string[];
}

export interface ExampleRun {
  packed: string[];
  install: Ran;
  typecheck: Ran;
  tests: Ran;
  results: ExampleTest[];
}

declare module "vitest" {
  export interface ProvidedContext {
    example: ExampleRun;
  }
}

export default async function setup(project: TestProject) {
  const work = mkdtempSync(join(tmpdir(), "greenspec-example-"));
  const packs = join(work, "packs");
  const app = join(work, "app");
  // turbo built every public package before this task (its devDependencies): pack them as they are.
  const pack = await run(
    process.execPath,
    [join(root, "scripts/pack-all.mjs"), "--no-build", "--out", packs],
    root,
    120_000,
  );
  if (pack.code !== 0) throw new Error(`pack:all failed:\n${pack.output}`);
  const packed = readdirSync(packs).filter((file) => file.endsWith(".tgz"));

  cpSync(join(root, "examples"), app, {
    recursive: true,
    filter: (source) => !/[\\/](node_modules|\.reports)$/.test(source),
  });
  // The README's one line, plus the example's own devDependencies from its package.json.
  // --ignore-scripts: no install script may reach any host but the registry from a test.
  const install = await run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline"].concat(
      packed.map((file) => join(packs, file)),
    ),
    app,
    240_000,
    { ...userEnv(), SCARF_ANALYTICS: "false" },
  );
  let typecheck: Ran = { code: null, output: "not run: the install failed", ms: 0 };
  let tests: Ran = typecheck;
  let results: ExampleTest[] = [];
  if (install.code === 0) {
    const bin = (name: string) => join(app, "node_modules", ".bin", name);
    typecheck = await run(bin("tsc"), ["--noEmit"], app, 120_000, userEnv());
    const report = join(app, "report.json");
    tests = await run(
      bin("vitest"),
      ["run", "--reporter=json", `--outputFile=${report}`],
      app,
      180_000,
      userEnv(),
    );
    if (existsSync(report)) {
      const json = JSON.parse(readFileSync(report, "utf8")) as {
        testResults: { assertionResults: (ExampleTest & { fullName: string })[] }[];
      };
      results = json.testResults.flatMap((file) =>
        file.assertionResults.map(({ fullName, status, failureMessages }) => ({
          name: fullName,
          status,
          failureMessages,
        })),
      );
    }
  }
  project.provide("example", { packed, install, typecheck, tests, results });
  return () => rmSync(work, { recursive: true, force: true });
}
