// Runs the services as children until one of them stops, a signal comes, or the process that
// started this one goes away, and then stops them all: killed, pnpm leaves its child running
// without a word, and services left behind would hold their ports against the next start.
import { spawn } from "node:child_process";

/** How often the parent is looked for: an orphan is noticed within this. */
const PARENT_CHECK_MS = 500;
/** How long a service may take over SIGTERM before it is killed. */
const STOP_GRACE_MS = 5000;

/**
 * @param {string[][]} commands each service's arguments to node
 * @param {{ cwd: string, env: NodeJS.ProcessEnv }} options
 * @returns {import("node:child_process").ChildProcess[]}
 */
export function supervise(commands, { cwd, env }) {
  const services = commands.map((args) =>
    spawn(process.execPath, args, { cwd, stdio: "inherit", env }),
  );
  const parent = process.ppid;
  let stopping = false;
  const stop = (/** @type {number} */ code) => {
    if (stopping) return;
    stopping = true;
    clearInterval(watch);
    process.exitCode = code;
    for (const child of services) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS).unref();
    }
  };
  for (const child of services) child.on("exit", (code) => stop(code ?? 1));
  for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"]))
    process.on(signal, () => stop(0));
  // Orphaned, this process is handed to another parent (init): its parent id changes.
  const watch = setInterval(() => {
    if (process.ppid !== parent) stop(0);
  }, PARENT_CHECK_MS);
  return services;
}
