// knip over the whole workspace: no unused file, export, type or dependency. A small planted
// workspace first shows the check reads knip's findings, so a silent knip cannot pass it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { architectureDir, binOf, repoRoot, runNode } from "./workspace.js";

const knip = binOf(join(architectureDir, "node_modules/knip"), "knip");

/** knip's findings as `kind: file name` lines. */
async function findings(root: string, config: string): Promise<string[]> {
  // Generated code (git-ignored) is read too: the client's generated validators use its checks.
  const args = ["--config", config, "--no-gitignore", "--no-progress", "--reporter", "json"];
  const result = await runNode(knip, args, root);
  if (result.stdout.trim() === "") throw new Error(`knip printed nothing: ${result.stderr}`);
  const report = JSON.parse(result.stdout) as {
    issues: Record<string, unknown>[];
  };
  const lines: string[] = [];
  for (const issue of report.issues) {
    for (const [kind, value] of Object.entries(issue)) {
      if (kind === "file" || kind === "owners") continue;
      const list = Array.isArray(value) ? value : Object.values(value ?? {});
      for (const { name } of list as { name?: string }[]) {
        const what = name === undefined || name === issue.file ? "" : ` ${name}`;
        lines.push(`${kind}: ${String(issue.file)}${what}`);
      }
    }
  }
  return lines;
}

const planted = mkdtempSync(join(tmpdir(), "greenspec-knip-"));
afterAll(() => rmSync(planted, { recursive: true, force: true }));

describe("knip", () => {
  it("reports an unused file, export and dependency in a planted workspace", async () => {
    const files: Record<string, string> = {
      "package.json": JSON.stringify({
        name: "planted",
        type: "module",
        dependencies: { "left-pad": "1.3.0" },
      }),
      "knip.json": JSON.stringify({ entry: ["src/index.ts"], project: ["src/**/*.ts"] }),
      "src/index.ts": 'import { used } from "./lib.js";\nconsole.log(used);\n',
      "src/lib.ts": "export const used = 1;\nexport const unused = 2;\n",
      "src/orphan.ts": "export const alone = 3;\n",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(planted, path)), { recursive: true });
      writeFileSync(join(planted, path), text);
    }
    const lines = await findings(planted, "knip.json");
    expect(lines).toEqual(
      expect.arrayContaining([
        "files: src/orphan.ts",
        "exports: src/lib.ts unused",
        "dependencies: package.json left-pad",
      ]),
    );
  });

  it("finds nothing unused in the workspace", async () => {
    expect(await findings(repoRoot, join(architectureDir, "knip.jsonc"))).toEqual([]);
  });
});
