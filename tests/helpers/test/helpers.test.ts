// The shared helpers do what the tests that lean on them assume.
import { createServer } from "node:http";
import { describe, expect, it } from "vitest";
import {
  collectOutput,
  exchangeRaw,
  listenLocally,
  printed,
  rejectionOf,
  rssOf,
  runCommand,
  seededRandom,
  shuffled,
  waitFor,
} from "../src/index.js";

describe("seededRandom", () => {
  it("gives the same sequence in [0, 1) for the same seed and another for another seed", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    for (const value of draw(7)) expect(value >= 0 && value < 1).toBe(true);
  });

  it("keeps mulberry32's known first value, so old seeds still mean the same runs", () => {
    expect(seededRandom(1)()).toBeCloseTo(0.6270739405881613, 15);
  });

  it("shuffles a copy, keeping every item", () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = shuffled(items, seededRandom(3));
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...out].sort()).toEqual(items);
    expect(out).not.toEqual(items);
  });
});

describe("runCommand", () => {
  it("collects stdout, stderr and the exit code", async () => {
    const script = 'process.stdout.write("out"); process.stderr.write("err"); process.exit(3)';
    const result = await runCommand(process.execPath, ["-e", script], { timeoutMs: 20_000 });
    expect(result).toMatchObject({ code: 3, stdout: "out", stderr: "err" });
  });

  it("kills a command that outlives its timeout and says so", async () => {
    const script = "setInterval(() => {}, 1000)";
    const result = await runCommand(process.execPath, ["-e", script], {
      timeoutMs: 200,
      killGroup: true,
    });
    expect(result.code).toBeNull();
    expect(result.stderr).toContain("[killed after 200 ms]");
  });

  it("collectOutput reads a running child's output", async () => {
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, ["-e", 'console.log("hi")'], { stdio: "pipe" });
    const output = collectOutput(child);
    await new Promise((resolve) => child.once("close", resolve));
    expect(output.stdout()).toBe("hi\n");
  });
});

describe("listenLocally", () => {
  it("serves on a free loopback port and closes with a connection still open", async () => {
    const server = createServer((_req, res) => res.end("ok"));
    const local = await listenLocally(server);
    expect(local.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(local.url)).text()).toBe("ok");
    await local.close();
    expect(server.listening).toBe(false);
  });
});

describe("rejectionOf", () => {
  it("returns the error of the expected class", async () => {
    const error = await rejectionOf(Promise.reject(new RangeError("x")), RangeError);
    expect(error.message).toBe("x");
  });

  it("fails when the promise resolves or rejects with another class", async () => {
    await expect(rejectionOf(Promise.resolve(1), RangeError)).rejects.toThrow(/RangeError/);
    await expect(rejectionOf(Promise.reject(new TypeError("t")), RangeError)).rejects.toThrow(
      /got TypeError: t/,
    );
  });
});

describe("waitFor", () => {
  it("resolves true once the condition holds", async () => {
    let calls = 0;
    expect(await waitFor(() => ++calls >= 3, 5_000, 1)).toBe(true);
    expect(calls).toBe(3);
  });

  it("gives up with false at its deadline", async () => {
    const started = Date.now();
    expect(await waitFor(() => false, 50, 5)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
  });
});

describe("exchangeRaw", () => {
  it("sends the bytes as they are and reads the status and head of the answer", async () => {
    const server = createServer((req, res) => res.writeHead(418, { "x-path": req.url }).end());
    const local = await listenLocally(server);
    try {
      const outcome = await exchangeRaw(local.url, "GET /%ff HTTP/1.1\r\nHost: x\r\n\r\n");
      expect(outcome.status).toBe(418);
      expect(outcome.head).toContain("x-path: /%ff");
    } finally {
      await local.close();
    }
  });

  it("gives up on a silent server at its deadline, with no status", async () => {
    const server = createServer(() => {});
    const local = await listenLocally(server);
    try {
      const outcome = await exchangeRaw(local.url, "GET / HTTP/1.1\r\nHost: x\r\n\r\n", 100);
      expect(outcome.status).toBeUndefined();
      expect(outcome.ms).toBeGreaterThanOrEqual(99);
    } finally {
      await local.close();
    }
  });
});

describe("rssOf", () => {
  it("reads this process's resident memory in bytes", () => {
    const rss = rssOf(process.pid);
    expect(rss).toBeGreaterThan(10 * 1024 * 1024);
    expect(Math.abs(rss - process.memoryUsage().rss)).toBeLessThan(64 * 1024 * 1024);
  });
});

describe("printed", () => {
  it("resolves with the capture once the line is printed, across chunks", async () => {
    const { spawn } = await import("node:child_process");
    const script =
      'process.stdout.write("listening on http://"); setTimeout(() => { console.log("127.0.0.1:1"); setTimeout(() => {}, 500); }, 50)';
    const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "ignore"] });
    try {
      expect(await printed(child, /listening on (http:\/\/\S+)/, 10_000)).toBe(
        "http://127.0.0.1:1",
      );
    } finally {
      child.kill();
    }
  });

  it("rejects, quoting the output, when the child exits first", async () => {
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, ["-e", 'console.log("no url")'], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    await expect(printed(child, /listening on (\S+)/, 10_000)).rejects.toThrow(/exited.*no url/s);
  });
});
