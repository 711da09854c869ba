// An upstream that breaks the exchange (garbage, a body cut short, duplicate Content-Length,
// silence, a decompression bomb) is a violation; the caller gets a problem answer, the silent
// upstream's connection is closed, and the proxy goes on serving.
import { createServer, type Server, type Socket } from "node:net";
import { brotliCompressSync, constants } from "node:zlib";
import { waitFor } from "@greenspec/test-helpers";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type Mock, startMock } from "../dist/index.js";

const TIMEOUT_MS = 400;
const BOMB = brotliCompressSync(Buffer.alloc(64 * 1024 * 1024, 0x20), {
  params: { [constants.BROTLI_PARAM_QUALITY]: 1 },
});

/** What the raw upstream writes for each mode, named by the path's second segment. */
const answers: Record<string, Buffer | null> = {
  garbage: Buffer.from("NOT HTTP AT ALL\r\n\r\n"),
  cut: Buffer.from(
    'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":',
  ),
  duplicate: Buffer.from("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}"),
  silent: null,
  bomb: Buffer.concat([
    Buffer.from(
      `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: br\r\nContent-Length: ${BOMB.length}\r\n\r\n`,
    ),
    BOMB,
  ]),
};

let upstream: Server;
let proxy: Mock;
const closed: string[] = [];

beforeAll(async () => {
  upstream = createServer((socket: Socket) => {
    let mode = "";
    socket.on("data", (chunk: Buffer) => {
      if (mode) return;
      mode = /^\w+ \/waInstance\d+\/(\w+)\//.exec(chunk.toString("latin1"))?.[1] ?? "garbage";
      const answer = answers[mode] === undefined ? answers.garbage : answers[mode];
      if (!answer) return;
      if (mode === "cut") socket.write(answer, () => socket.destroy());
      else socket.end(answer);
    });
    socket.on("close", () => closed.push(mode));
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  const address = upstream.address();
  if (!address || typeof address === "string") throw new Error("no port");
  proxy = await startMock({
    proxy: `http://127.0.0.1:${address.port}`,
    upstreamTimeoutMs: TIMEOUT_MS,
  });
});
afterAll(async () => {
  await proxy?.close();
  await new Promise((resolve) => upstream?.close(resolve));
});

async function through(mode: string) {
  const before = proxy.checked;
  const violations = proxy.violations.length;
  const status = await fetch(`${proxy.url}/waInstance1101000001/${mode}/secretToken0123456789`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
    signal: AbortSignal.timeout(5000),
  }).then(
    async (response) => {
      await response.arrayBuffer().catch(() => undefined);
      return response.status;
    },
    () => "broken off",
  );
  await waitFor(() => proxy.checked !== before, 5000);
  return { status, found: proxy.violations.slice(violations) };
}

for (const mode of ["garbage", "cut", "duplicate"]) {
  test(`an upstream answering ${mode} is a response violation, without the token`, async () => {
    const { status, found } = await through(mode);
    if (mode !== "cut") expect(status).toBe(502);
    expect(found.map((v) => v.direction)).toEqual(["response"]);
    expect(JSON.stringify(found)).not.toContain("secretToken");
  });
}

test("a silent upstream is given up after the timeout: 504, a violation, its connection closed", async () => {
  const started = Date.now();
  const { status, found } = await through("silent");
  expect(status).toBe(504);
  expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 3000);
  expect(found.map((v) => v.message)).toEqual([
    `the upstream did not answer within ${TIMEOUT_MS} ms`,
  ]);
  const deadline = Date.now() + 2000;
  while (!closed.includes("silent") && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(closed, "the proxy closed the silent connection").toContain("silent");
});

test("a brotli bomb is inflated only up to the body limit and reported, not checked", async () => {
  const { status, found } = await through("bomb");
  expect(status).toBe(200);
  expect(found.map((v) => v.message)).toEqual([
    expect.stringContaining("decompresses to more than"),
  ]);
});
