import { createServer, type ServerResponse } from "node:http";
import { listenLocally } from "@greenspec/test-helpers";
import { afterEach, describe, expect, it } from "vitest";
import { createGreenApi, type GreenApiOptions } from "../src/index.js";
import { failureOf } from "./failure.js";
import { type Script, startScripted } from "./http-server.js";

const FAST = { attempts: 3, baseDelay: 1, maxDelay: 5, deadline: 5_000 };
const GROUP = "79001234567-1587570015@g.us";
const BODY = { groupId: GROUP, participantChatId: "79001234568@c.us" };
const MiB = 1024 * 1024;

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()?.();
});

function client(apiUrl: string, options: Partial<GreenApiOptions> = {}) {
  return createGreenApi({
    idInstance: "1101000001",
    apiTokenInstance: "TEST_TOKEN_limits",
    apiUrl,
    retry: FAST,
    ...options,
  });
}

async function scripted(...steps: Script[]) {
  const server = await startScripted(...steps);
  closers.push(server.close);
  return server;
}

describe("redirects are never followed", () => {
  for (const status of [301, 302, 303, 307, 308])
    it(`a ${status} that loops back is one request and a clear error, not retried`, async () => {
      const server = await scripted((res, req) => {
        res.writeHead(status, { Location: req.url });
        res.end("moved");
      });
      const error = await failureOf(client(server.url).getGroupData({ groupId: GROUP }));
      expect(error.kind).toBe("unexpected-response");
      expect(error.status).toBe(status);
      expect(error.attempts).toBe(1);
      expect(error.message).toContain("a redirect, not followed");
      expect(server.received).toHaveLength(1);
    });

  it("a redirect to another host is not followed there", async () => {
    const elsewhere = await scripted((res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end('{"addParticipant":true}');
    });
    const server = await scripted((res, req) => {
      res.writeHead(307, { Location: `${elsewhere.url}${req.url}` });
      res.end();
    });
    await failureOf(client(server.url).addGroupParticipant(BODY));
    expect(elsewhere.received).toHaveLength(0);
  });
});

/**
 * A server that streams `total` bytes (chunked, no length) as fast as the client reads them,
 * and records how many it got to write before the client hung up.
 */
async function streamingServer(status: number, total: number, declare?: number) {
  const seen = { written: 0, closedEarly: false, finished: false };
  const server = createServer((req, res: ServerResponse) => {
    req.resume();
    req.on("end", async () => {
      res.writeHead(status, {
        "Content-Type": "application/json",
        ...(declare ? { "Content-Length": String(declare) } : {}),
      });
      res.on("close", () => {
        if (!res.writableFinished) seen.closedEarly = true;
      });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      while (seen.written < total && !res.destroyed) {
        seen.written += chunk.length;
        if (!res.write(chunk))
          await new Promise((resolve) => {
            res.once("drain", resolve);
            res.once("close", resolve);
          });
      }
      if (!res.destroyed) {
        seen.finished = true;
        res.end();
      }
    });
  });
  const served = await listenLocally(server);
  closers.push(served.close);
  return { url: served.url, seen };
}

describe("answers past maxResponseBytes are refused without being read", () => {
  for (const status of [200, 400, 502])
    it(`a ${status} streaming 256 MiB stops being read just past a 1 MiB cap`, async () => {
      const server = await streamingServer(status, 256 * MiB);
      const error = await failureOf(
        client(server.url, { maxResponseBytes: MiB, retry: false }).addGroupParticipant(BODY),
      );
      expect(error.kind).toBe("unexpected-response");
      expect(error.status).toBe(status);
      expect(error.message).toContain(`over ${MiB} bytes`);
      // The client hung up: the server got nowhere near the end (socket buffers aside).
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(server.seen.closedEarly).toBe(true);
      expect(server.seen.finished).toBe(false);
      expect(server.seen.written).toBeLessThan(32 * MiB);
    });

  it("a declared length over the cap fails at once, before any body arrives", async () => {
    const server = await streamingServer(200, 2 * MiB, 300 * MiB);
    const started = Date.now();
    const error = await failureOf(
      client(server.url, { maxResponseBytes: MiB, timeout: 10_000 }).addGroupParticipant(BODY),
    );
    expect(error.kind).toBe("unexpected-response");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("is not retried, even for an operation that is safe to repeat", async () => {
    const server = await scripted((res) => {
      res.writeHead(502, { "Content-Type": "text/plain" });
      res.end("x".repeat(2_000));
    });
    const error = await failureOf(
      client(server.url, { maxResponseBytes: 1_000 }).getGroupData({ groupId: GROUP }),
    );
    expect(error.kind).toBe("unexpected-response");
    expect(server.received).toHaveLength(1);
  });

  for (const chunked of [false, true])
    it(`an answer of exactly the cap is read, one byte more is not (${chunked ? "chunked" : "with a length"})`, async () => {
      const answer = '{"addParticipant":true}';
      const server = await scripted((res, req) => {
        const size = Number(new URL(req.url, "http://x").searchParams.get("size") ?? 0);
        res.writeHead(200, {
          "Content-Type": "application/json",
          ...(chunked ? {} : { "Content-Length": String(size) }),
        });
        res.end(answer.padEnd(size, " "));
      });
      for (const [size, resolves] of [
        [100, true],
        [101, false],
      ] as const) {
        const api = client(`${server.url}`, {
          maxResponseBytes: 100,
          fetch: (input, init) => fetch(`${input}?size=${size}`, init),
        });
        const call = api.addGroupParticipant(BODY);
        if (resolves) await expect(call).resolves.toEqual({ addParticipant: true });
        else expect((await failureOf(call)).kind).toBe("unexpected-response");
      }
    });
});
