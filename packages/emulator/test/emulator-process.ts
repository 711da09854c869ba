// The emulator's own command in a child process, for tests where only its work may count
// (a second caller's latency, its resident memory).
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { printed } from "@greenspec/test-helpers";

export interface EmulatorProcess {
  child: ChildProcess;
  /** The base URL it printed once listening. */
  base: string;
}

/** Starts `greenspec-emulator --port 0 ...flags` and resolves once it says where it listens. */
export async function startEmulatorProcess(flags: string[] = []): Promise<EmulatorProcess> {
  const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
  const child = spawn(process.execPath, [cli, "--port", "0", ...flags], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const base = await printed(child, /listening on (http:\/\/\S+)/, 60_000);
  return { child, base };
}
