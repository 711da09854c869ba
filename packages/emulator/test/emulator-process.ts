// The emulator's own command in a child process, for tests where only its work may count
// (a second caller's latency, its resident memory).
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

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
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout?.setEncoding("utf8").on("data", (text: string) => {
      const found = /listening on (http:\/\/\S+)/.exec(text)?.[1];
      if (found) resolve(found);
    });
    child.once("exit", () => reject(new Error("the emulator exited before listening")));
  });
  return { child, base };
}
