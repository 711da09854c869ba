// The workspace as the rules see it: its root, and every package folder pnpm-workspace.yaml names.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type CommandResult, runCommand } from "@greenspec/test-helpers";

export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
export const architectureDir = fileURLToPath(new URL("..", import.meta.url));

/** Every workspace package folder (relative), so a new package (an emulator, say) is covered. */
export function workspaceDirs(root = repoRoot): string[] {
  const text = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
  const list = /^packages:\n((?:[ \t#].*\n|\n)*)/m.exec(`${text}\n`)?.[1] ?? "";
  return list
    .split("\n")
    .map((line) => /^\s+-\s+['"]?([^'"\s]+)/.exec(line)?.[1])
    .filter((pattern): pattern is string => pattern !== undefined)
    .flatMap((pattern) => {
      if (!pattern.endsWith("/*")) return [pattern];
      const parent = pattern.slice(0, -2);
      if (!existsSync(join(root, parent))) return [];
      return readdirSync(join(root, parent), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => `${parent}/${entry.name}`);
    })
    .filter((dir) => existsSync(join(root, dir, "package.json")));
}

/** The path of a package's binary, from its package.json `bin`. */
export function binOf(packageDir: string, name: string): string {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
    bin?: string | Record<string, string>;
  };
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.[name];
  if (bin === undefined) throw new Error(`${packageDir} has no binary ${name}`);
  return join(packageDir, bin);
}

/** Runs `node file ...args` in `cwd`, killed after `timeoutMs`. */
export function runNode(
  file: string,
  args: string[],
  cwd: string,
  timeoutMs = 150_000,
): Promise<CommandResult> {
  return runCommand(process.execPath, [file, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    timeoutMs,
  });
}
