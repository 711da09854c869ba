// @greenspec/cli installed on its own, as `npm install -g @greenspec/cli` gives it: the emulator
// ships with it, Prism does not, and --mock says how to get it.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { run, userEnv } from "../src/run.js";

const packed = inject("packed");
const MOCK = "@greenspec/mock";
const INSTALL_TIMEOUT_MS = 240_000;

let project = "";
const bin = () => join(project, "node_modules", ".bin", "greenspec");
const greenspec = (args: string[]) =>
  run(bin(), args, { cwd: project, env: { ...userEnv(), NO_COLOR: "1" }, timeoutMs: 30_000 });

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), "greenspec-cli-alone-"));
  writeFileSync(join(project, "package.json"), '{ "name": "cli-alone", "private": true }\n');
  // Every tarball but the mock's: the CLI's own dependencies come from them, as from a registry.
  const tarballs = packed.filter((pkg) => pkg.name !== MOCK).map((pkg) => pkg.tarball);
  const installed = await run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline", ...tarballs],
    { cwd: project, env: userEnv(), timeoutMs: INSTALL_TIMEOUT_MS },
  );
  if (installed.code !== 0) throw new Error(`npm install failed:\n${installed.stderr}`);
});

afterAll(() => {
  if (project !== "") rmSync(project, { recursive: true, force: true });
});

describe("the CLI installed without the mock", () => {
  it("brings neither @greenspec/mock nor Prism", () => {
    expect(existsSync(join(project, "node_modules", MOCK))).toBe(false);
    expect(existsSync(join(project, "node_modules", "@stoplight"))).toBe(false);
  });

  it("creates a group on the in-process emulator with --emulator, with no credentials", async () => {
    const result = await greenspec([
      "create-group",
      "--group-name",
      "Team",
      "--chat-ids",
      "79001234568@c.us",
      "--emulator",
      "--json",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer.created).toBe(true);
    expect(answer.chatId).toMatch(/@g\.us$/);
  });

  it("answers --mock with exit 2 and names the package to install", async () => {
    const result = await greenspec([
      "get-group-data",
      "--group-id",
      "120363043968066561@g.us",
      "--mock",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(MOCK);
    expect(result.stderr).toContain("--emulator");
  });
});
