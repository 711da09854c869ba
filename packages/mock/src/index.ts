import { type ChildProcess, fork } from "node:child_process";
import { createServer, request, type Server } from "node:http";
import { resolve } from "node:path";
import { childEnvironment } from "./child-environment.js";
import type { PrismProcessMessage, PrismProcessOptions } from "./prism-process.js";
import { bundledSpecPath, type ProxyViolation, upstreamUrl } from "./prism-server.js";

export { bundledSpecPath, type ProxyViolation } from "./prism-server.js";

export interface StartMockOptions {
  /** Port to listen on; a free one is picked when left out. */
  port?: number;
  /** Interface to listen on; 127.0.0.1 unless given. */
  host?: string;
  /** Path to an OpenAPI document; the bundled greenspec document unless given. */
  spec?: string;
  /** Give up starting after this many milliseconds (default 60000; Prism loads slowly on a busy machine). */
  startTimeoutMs?: number;
  /**
   * Run as a validation proxy in front of this URL (the real service): every request goes on to
   * it and every answer comes back unchanged; what the spec does not allow is recorded in
   * `violations`.
   */
  proxy?: string;
  /**
   * In proxy mode, append every answer of an operation to this JSON file in the format of the
   * spec's recordings (`spec/recordings/*.json`), the token masked and phone numbers made up:
   * real traffic becomes test cases. The file is made when missing.
   */
  record?: string;
  /**
   * In proxy mode, an upstream silent this long (ms) is given up: the caller gets a 504, its
   * connection is closed, and a violation is recorded. Default 60000.
   */
  upstreamTimeoutMs?: number;
}

export interface Mock {
  /** Base URL of the running mock, such as `http://127.0.0.1:4010`. */
  url: string;
  /** Process id of the Prism process (a child of this one). */
  pid: number;
  /** Stops Prism and resolves once its process has exited. Safe to call twice. */
  close(): Promise<void>;
  /**
   * Resolves once Prism has exited after close(); rejects, naming the cause, if it exits on its
   * own. (Already handled: an unobserved rejection does not end the process.)
   */
  exited: Promise<void>;
  /** Why Prism exited on its own, once it has; the port then answers 503 with the same cause. */
  readonly error: Error | undefined;
  /** In proxy mode, every disagreement with the spec so far (a live array); empty otherwise. */
  violations: ProxyViolation[];
  /**
   * In proxy mode, how many requests the proxy is done with: each complete exchange checked and
   * its violations recorded (one the caller or the upstream broke off is counted, unchecked).
   */
  readonly checked: number;
  /** Faults Prism survived: an error escaped a request handler (named, never quoted). */
  faults: string[];
}

const STOP_GRACE_MS = 3000;
const PROBE_TIMEOUT_MS = 2000;

/**
 * Starts the real Prism on the greenspec document in a child process and resolves once it has
 * answered an HTTP request.
 */
export async function startMock(options: StartMockOptions = {}): Promise<Mock> {
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  const config = processOptions(options);
  const child = fork(new URL("./prism-process.js", import.meta.url), [JSON.stringify(config)], {
    stdio: ["ignore", "ignore", "pipe", "ipc"],
    // The parent's flags (--input-type, --inspect, loaders) would break or clash in the child.
    execArgv: [],
    // Prism needs no secret of this process (an API token in the environment, for one).
    env: childEnvironment(process.env),
  });
  const violations: ProxyViolation[] = [];
  const faults: string[] = [];
  let checked = 0;
  child.on("message", (message: PrismProcessMessage) => {
    if (message.type === "checked") checked += 1;
    if (message.type === "violation") violations.push(message.violation);
    if (message.type === "fault") faults.push(message.message);
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  let closing = false;
  let error: Error | undefined;
  let tombstone: Server | undefined;
  let listeningUrl: string | undefined;
  const exitedAtAll = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const exited = new Promise<void>((resolve, reject) => {
    child.once("exit", (code, signal) => {
      if (closing || listeningUrl === undefined) {
        resolve();
        return;
      }
      const last = faults.at(-1);
      error = new Error(
        `the mock's Prism process exited on its own (${signal ?? `code ${code}`})${last ? ` after ${last}` : ""}`,
      );
      tombstone = answerWithCause(listeningUrl, error.message);
      reject(error);
    });
  });
  exited.catch(() => {});
  const close = once(async () => {
    closing = true;
    await stopChild(child, exitedAtAll);
    if (tombstone) await new Promise((resolve) => tombstone?.close(resolve));
  });
  const deadline = Date.now() + timeoutMs;
  try {
    const url = await withTimeout(
      waitForListening(child, () => stderr),
      timeoutMs,
    );
    // A probe through the proxy would reach the upstream: there, listening is enough.
    if (options.proxy === undefined) await waitUntilAnswering(url, deadline);
    if (child.pid === undefined) throw new Error("the Prism process has no pid");
    listeningUrl = url;
    return {
      url,
      pid: child.pid,
      close,
      exited,
      get error() {
        return error;
      },
      violations,
      get checked() {
        return checked;
      },
      faults,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** What the Prism process is told (checked here, so a bad option fails before it starts). */
function processOptions(options: StartMockOptions): PrismProcessOptions {
  const config: PrismProcessOptions = {
    spec: options.spec ?? bundledSpecPath(),
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
  };
  if (options.proxy !== undefined) config.proxy = upstreamUrl(options.proxy).href;
  if (options.record !== undefined) {
    if (options.proxy === undefined) throw new Error("record needs proxy: it records real answers");
    config.record = resolve(options.record);
  }
  if (options.upstreamTimeoutMs !== undefined) config.upstreamTimeoutMs = options.upstreamTimeoutMs;
  return config;
}

function waitForListening(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.on("message", (message: PrismProcessMessage) => {
      if (message.type === "listening") resolve(message.url);
      else if (message.type === "failed")
        reject(new Error(`Prism failed to start: ${message.message}`));
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

/**
 * Takes the dead mock's port, if still free, and answers every request there with 503 and the
 * cause, so the next call fails with a reason instead of a refused connection.
 */
function answerWithCause(url: string, cause: string): Server {
  const { hostname, port } = new URL(url);
  const body = JSON.stringify({
    type: "about:blank",
    title: "Service Unavailable",
    status: 503,
    detail: cause,
  });
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(503, { "content-type": "application/problem+json", connection: "close" });
    res.end(body);
  });
  server.on("error", () => {});
  server.listen(Number(port), hostname.replace(/^\[|\]$/g, ""));
  server.unref();
  return server;
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
