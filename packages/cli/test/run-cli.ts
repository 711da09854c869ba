import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type CommandResult, runCommand } from "@greenspec/test-helpers";

export const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
export const ID = "1101000001";
/** A placeholder secret; the tests check it never reaches the output. */
export const TOKEN = "TEST_TOKEN_d41d8cd98f00";

/** The environment without any GREEN_API_* variable of the machine running the tests. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("GREEN_API_") && !key.startsWith("VITEST") && key !== "FORCE_COLOR")
      env[key] = value;
  }
  return { ...env, NO_COLOR: "1", ...extra };
}

export function credentialsEnv(): NodeJS.ProcessEnv {
  return cleanEnv({ GREEN_API_ID_INSTANCE: ID, GREEN_API_TOKEN: TOKEN });
}

/** An empty working directory, so no stray .env is read. */
export function emptyDir(): string {
  return mkdtempSync(join(tmpdir(), "greenspec-cli-"));
}

/** Runs `node dist/cli.js ...args` with pipes (never a TTY), killed after `timeoutMs`. */
export function runCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<CommandResult> {
  return runCommand(process.execPath, [CLI, ...args], {
    env: options.env ?? credentialsEnv(),
    cwd: options.cwd ?? emptyDir(),
    timeoutMs: options.timeoutMs ?? 20_000,
  });
}
