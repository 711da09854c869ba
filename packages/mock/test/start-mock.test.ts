// startMock(): ports, several mocks at once, start failures, and a close() that leaves nothing.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { type Mock, startMock } from "../dist/index.js";
import { send } from "./http.js";
import { type Operation, operations, operationUrl } from "./openapi-operations.js";
import { acceptsConnections, freePort, processExists } from "./processes.js";
import { validBodies } from "./request-bodies.js";

function firstOperation(): Operation {
  const [first] = operations;
  if (!first) throw new Error("the bundled spec has no operation");
  return first;
}

const operation = firstOperation();
const [valid] = validBodies(operation);

async function answersValidRequest(url: string): Promise<number> {
  return (await send(operationUrl(url, operation), operation, valid?.body ?? null)).status;
}

describe("two mocks started at once", () => {
  let picked: Mock;
  let chosen: Mock;
  let chosenPort: number;
  const yamlSpec = createRequire(import.meta.url).resolve("@greenspec/spec/openapi.yaml");

  beforeAll(async () => {
    chosenPort = await freePort();
    [picked, chosen] = await Promise.all([
      startMock(),
      startMock({ port: chosenPort, spec: yamlSpec }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([picked?.close(), chosen?.close()]);
  });

  test("picks a free port on 127.0.0.1 when none is given", () => {
    expect(picked.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new URL(picked.url).port).not.toBe(String(chosenPort));
  });

  test("listens on the port it is given, serving the spec file it is given", async () => {
    expect(chosen.url).toBe(`http://127.0.0.1:${chosenPort}`);
    expect(await answersValidRequest(chosen.url)).toBe(200);
  });

  test("both answer requests while both run", async () => {
    const statuses = await Promise.all([
      answersValidRequest(picked.url),
      answersValidRequest(chosen.url),
    ]);
    expect(statuses).toEqual([200, 200]);
  });

  test("answers a malformed JSON body at once instead of hanging", async () => {
    const started = performance.now();
    const reply = await send(operationUrl(picked.url, operation), operation, null, {
      raw: "{",
      timeoutMs: 3000,
    });
    expect(reply.status).toBe(400);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  test("close() ends the Prism process and frees the port, and may be called again", async () => {
    expect(processExists(picked.pid)).toBe(true);
    await picked.close();
    expect(processExists(picked.pid)).toBe(false);
    expect(await acceptsConnections(picked.url)).toBe(false);
    await picked.close();
    // The other mock is untouched by the first one's close().
    expect(await answersValidRequest(chosen.url)).toBe(200);
  });
});

test("rejects when the port is taken, leaving the running mock alone", async () => {
  const taken = inject("mockUrl");
  const port = Number(new URL(taken).port);
  await expect(startMock({ port })).rejects.toThrow(/EADDRINUSE|address already in use/);
  expect(await acceptsConnections(taken)).toBe(true);
});

test("rejects a spec path that does not exist", async () => {
  await expect(startMock({ spec: "/nonexistent/openapi.json" })).rejects.toThrow(
    /Prism failed to start/,
  );
});

test("a process that starts and closes a mock then exits on its own (no handle left open)", async () => {
  const index = fileURLToPath(new URL("../dist/index.js", import.meta.url));
  const script = `const { startMock } = await import(${JSON.stringify(index)});
const mock = await startMock();
console.log(mock.pid);
await mock.close();`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), 25_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.once("exit", (exitCode, exitSignal) => resolve([exitCode, exitSignal])),
  );
  clearTimeout(timer);
  expect({ code, signal }).toEqual({ code: 0, signal: null });
  const prismPid = Number(output.trim());
  expect(prismPid).toBeGreaterThan(0);
  expect(processExists(prismPid)).toBe(false);
});

test("Prism exits by itself when the process that started it is killed outright", async () => {
  const index = fileURLToPath(new URL("../dist/index.js", import.meta.url));
  const script = `const { startMock } = await import(${JSON.stringify(index)});
const mock = await startMock();
console.log(mock.pid);
setInterval(() => {}, 1000);`;
  const parent = spawn(process.execPath, ["--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const prismPid = await new Promise<number>((resolve, reject) => {
    parent.stdout
      .setEncoding("utf8")
      .once("data", (chunk: string) => resolve(Number(chunk.trim())));
    parent.once("exit", () => reject(new Error("the parent exited before starting Prism")));
  });
  expect(processExists(prismPid)).toBe(true);
  parent.kill("SIGKILL");
  const deadline = Date.now() + 10_000;
  while (processExists(prismPid) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(processExists(prismPid)).toBe(false);
});

describe("a Prism process that dies on its own", () => {
  test("rejects exited and sets error naming the cause, and its port answers 503 with that cause", async () => {
    const mock = await startMock();
    try {
      expect(mock.error).toBeUndefined();
      process.kill(mock.pid, "SIGKILL");
      await expect(mock.exited).rejects.toThrow(/exited on its own \(SIGKILL\)/);
      expect(mock.error?.message).toMatch(/SIGKILL/);
      const response = await fetch(operationUrl(mock.url, operation), {
        method: "POST",
        body: "{}",
        signal: AbortSignal.timeout(5000),
      });
      expect(response.status).toBe(503);
      const problem = (await response.json()) as { detail: string };
      expect(problem.detail).toMatch(/exited on its own \(SIGKILL\)/);
    } finally {
      await mock.close();
    }
    expect(await acceptsConnections(mock.url)).toBe(false);
  });

  test("exited resolves once close() has stopped it", async () => {
    const mock = await startMock();
    await mock.close();
    await expect(mock.exited).resolves.toBeUndefined();
    expect(mock.error).toBeUndefined();
  });
});

test.runIf(process.platform === "linux")(
  "the Prism process does not inherit the environment's secrets",
  async () => {
    const secrets = {
      GREEN_API_TOKEN: "tok-0123456789abcdef-secret",
      GREEN_API_ID_INSTANCE: "1101000001",
      SOME_SERVICE_API_KEY: "key-fedcba9876543210",
      NODE_OPTIONS: "--no-warnings",
    };
    const saved = Object.fromEntries(Object.keys(secrets).map((name) => [name, process.env[name]]));
    Object.assign(process.env, secrets);
    let mock: Mock | undefined;
    try {
      mock = await startMock();
      const environ = readFileSync(`/proc/${mock.pid}/environ`, "utf8");
      for (const [name, value] of Object.entries(secrets)) {
        expect(environ).not.toContain(name);
        expect(environ).not.toContain(value);
      }
      expect(environ).toContain("PATH=");
      expect(await answersValidRequest(mock.url)).toBe(200);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await mock?.close();
    }
  },
);
