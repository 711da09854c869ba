import { type ChildProcess, fork } from "node:child_process";
import { request } from "node:http";
import type { PrismProcessMessage } from "./prism-process.js";
import { bundledSpecPath } from "./prism-server.js";

export { bundledSpecPath } from "./prism-server.js";

export interface StartMockOptions {
  /** Port to listen on; a free one is picked when left out. */
  port?: number;
  /** Interface to listen on; 127.0.0.1 unless given. */
  host?: string;
  /** Path to an OpenAPI document; the bundled greenspec document unless given. */
  spec?: string;
  /** Give up starting after this many milliseconds (default 60000; Prism loads slowly on a busy machine). */
  startTimeoutMs?: number;
}

export interface Mock {
  /** Base URL of the running mock, such as `http://127.0.0.1:4010`. */
  url: string;
  /** Process id of the Prism process (a child of this one). */
  pid: number;
  /** Stops Prism and resolves once its process has exited. Safe to call twice. */
  close(): Promise<void>;
}

const STOP_GRACE_MS = 3000;
const PROBE_TIMEOUT_MS = 2000;

/**
 * Starts the real Prism on the greenspec document in a child process and resolves once it has
 * answered an HTTP request.
 */
export async function startMock(options: StartMockOptions = {}): Promise<Mock> {
  const host = options.host ?? "127.0.0.1";
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  const config = { spec: options.spec ?? bundledSpecPath(), port: options.port ?? 0, host };
  const child = fork(new URL("./prism-process.js", import.meta.url), [JSON.stringify(config)], {
    stdio: ["ignore", "ignore", "pipe", "ipc"],
    // The parent's flags (--input-type, --inspect, loaders) would break or clash in the child.
    execArgv: [],
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const close = once(() => stopChild(child, exited));
  const deadline = Date.now() + timeoutMs;
  try {
    const url = await withTimeout(
      waitForListening(child, () => stderr),
      timeoutMs,
    );
    await waitUntilAnswering(url, deadline);
    if (child.pid === undefined) throw new Error("the Prism process has no pid");
    return { url, pid: child.pid, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function waitForListening(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("message", (message: PrismProcessMessage) => {
      if (message.type === "listening") resolve(message.url);
      else reject(new Error(`Prism failed to start: ${message.message}`));
    });
    child.once("exit", (code, signal) => {
      const detail = stderr().trim();
      reject(
        new Error(
          `Prism exited before listening (${signal ?? `code ${code}`})${detail ? `: ${detail}` : ""}`,
        ),
      );
    });
  });
}

/** Resolves on the first HTTP answer of any status: Prism is then routing requests. */
async function waitUntilAnswering(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      await probe(url);
      return;
    } catch (error) {
      if (Date.now() >= deadline) throw new Error(`Prism never answered at ${url}: ${error}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function probe(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    // agent:false closes the socket after the answer, so no keep-alive connection outlives it.
    const req = request(`${url}/`, { method: "GET", agent: false, timeout: PROBE_TIMEOUT_MS });
    req.once("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once("timeout", () => req.destroy(new Error("probe timed out")));
    req.once("error", reject);
    req.end();
  });
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Prism did not start within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let result: Promise<void> | undefined;
  return () => {
    result ??= fn();
    return result;
  };
}
