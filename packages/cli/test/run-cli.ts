import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
export const ID = "1101000001";
/** A placeholder secret; the tests check it never reaches the output. */
export const TOKEN = "TEST_TOKEN_d41d8cd98f00";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

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
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: options.env ?? credentialsEnv(),
      cwd: options.cwd ?? emptyDir(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 20_000);
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
