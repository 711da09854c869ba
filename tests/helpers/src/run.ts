// Runs a command to its end and collects what it printed: the one runner the tests share.
import { type ChildProcess, spawn } from "node:child_process";

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time from start to close. */
  ms: number;
}

export interface RunOptions {
  /** Killed (SIGKILL) after this long; the result then says so at the end of stderr. */
  timeoutMs: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Start it in a process group of its own and kill the whole group on a timeout. */
  killGroup?: boolean;
}

/** What a child prints, read as text while it runs. */
export function collectOutput(child: ChildProcess): {
  stdout: () => string;
  stderr: () => string;
} {
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  return { stdout: () => stdout, stderr: () => stderr };
}

function kill(child: ChildProcess, group: boolean): void {
  try {
    if (group && child.pid !== undefined) return void process.kill(-child.pid, "SIGKILL");
  } catch {
    // The group is gone already; the child itself may not be.
  }
  child.kill("SIGKILL");
}

/** Runs `command ...args` with pipes (never a TTY). Never throws on an exit code. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<CommandResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: options.killGroup === true,
    });
    const output = collectOutput(child);
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      kill(child, options.killGroup === true);
    }, options.timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      const note = killed ? `\n[killed after ${options.timeoutMs} ms]` : "";
      resolve({
        code,
        stdout: output.stdout(),
        stderr: output.stderr() + note,
        ms: Date.now() - started,
      });
    });
  });
}
