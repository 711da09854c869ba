// Runs the services as children until one of them stops, a signal comes, or the process that
// started this one goes away, and then stops them all: killed, pnpm leaves its child running
// without a word, and services left behind would hold their ports against the next start.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

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
  const wrappers = wrappersOf(parent);
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
  // Orphaned, this process is handed to another parent (init): its parent id changes. A wrapper
  // further up (npx around pnpm) may be stopped alone, leaving pnpm running: watched too.
  const watch = setInterval(() => {
    if (process.ppid !== parent || !wrappers.every(running)) stop(0);
  }, PARENT_CHECK_MS);
  return services;
}

/** The parent id and command line of a process, from /proc (Linux); undefined elsewhere or gone. */
function processInfo(/** @type {number} */ pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const [, state, ppid] = /\) (\S) (\d+)/.exec(stat) ?? [];
    const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    return { state, ppid: Number(ppid), argv };
  } catch {
    return undefined;
  }
}

/** Still there, and not a zombie whose parent has yet to reap it. */
function running(/** @type {number} */ pid) {
  const info = processInfo(pid);
  return info !== undefined && info.state !== "Z";
}

/** Launchers a user may stop instead of this process: pnpm 12 is a native executable, and npm
 * renames itself (`npm exec pnpm@12.4.2 start`), so the first word of its name counts. */
const LAUNCHER = /^(?:.*\/)?(?:node|npm|npx|pnpm|pnpx)(?: |$)/;

/**
 * The wrappers above `parent` that a user may stop instead of this process: node, npx, npm and
 * pnpm processes and the `sh -c` between them, up to the first other one (the user's own shell).
 */
function wrappersOf(/** @type {number} */ parent) {
  const chain = [];
  for (let pid = processInfo(parent)?.ppid ?? 0; pid > 1 && chain.length < 8; ) {
    const info = processInfo(pid);
    const [command = "", ...args] = info?.argv ?? [];
    const isWrapper =
      LAUNCHER.test(command) || (/(^|\/)(ba|da)?sh$/.test(command) && args[0] === "-c");
    if (!info || !isWrapper) break;
    chain.push(pid);
    pid = info.ppid;
  }
  return chain;
}
