// The greenspec-mock command: prints one line with its URL, serves, and stops on a signal.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { collectOutput, printed } from "@greenspec/test-helpers";
import { expect, test } from "vitest";
import { send } from "./http.js";
import { type Operation, operations, operationUrl } from "./openapi-operations.js";
import { acceptsConnections } from "./processes.js";
import { validBodies } from "./request-bodies.js";

const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const LISTENING = /^greenspec mock listening on (http:\/\/127\.0\.0\.1:\d+)$/m;

function runCli(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [CLI, ...args], { stdio: "pipe" });
}

function exited(
  child: ChildProcessWithoutNullStreams,
  withinMs: number,
): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the command did not exit within ${withinMs} ms`));
    }, withinMs);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

function firstOperation(): Operation {
  const [first] = operations;
  if (!first) throw new Error("the bundled spec has no operation");
  return first;
}

test.each(["SIGINT", "SIGTERM"] as const)(
  "prints its URL on one line, serves the spec, and stops cleanly on %s",
  async (signal) => {
    const child = runCli(["--port", "0"]);
    const { stdout, stderr } = collectOutput(child);
    const url = await printed(child, LISTENING, 25_000);
    const operation = firstOperation();
    const reply = await send(
      operationUrl(url, operation),
      operation,
      validBodies(operation)[0]?.body ?? null,
    );
    expect(reply.status).toBe(200);

    child.kill(signal);
    expect(await exited(child, 10_000)).toEqual({ code: 0, signal: null });
    expect(stdout().trim().split("\n")).toEqual([`greenspec mock listening on ${url}`]);
    expect(stderr()).toBe("");
    expect(await acceptsConnections(url)).toBe(false);
  },
);

test("refuses a port that is not a number, with exit code 1 and a message", async () => {
  const child = runCli(["--port", "http"]);
  const { stderr } = collectOutput(child);
  expect(await exited(child, 20_000)).toEqual({ code: 1, signal: null });
  expect(stderr()).toMatch(/--port must be an integer/);
});

test("refuses --record without --proxy: only real answers are recorded", async () => {
  const child = runCli(["--record", "answers.json", "--port", "0"]);
  const { stdout, stderr } = collectOutput(child);
  expect(await exited(child, 20_000)).toEqual({ code: 1, signal: null });
  expect(stderr()).toMatch(/--record needs --proxy/);
  expect(stdout()).toBe("");
});

test("refuses a --proxy that is not a plain http(s) URL, with exit code 1 and a message", async () => {
  const child = runCli(["--proxy", "ftp://127.0.0.1/", "--port", "0"]);
  const { stdout, stderr } = collectOutput(child);
  expect(await exited(child, 20_000)).toEqual({ code: 1, signal: null });
  expect(stderr()).toMatch(/upstream must be an http\(s\) URL/);
  expect(stdout()).toBe("");
});
