// The validation proxy forwards only what it read: a body keeps its framing on the way through,
// so the upstream never sees a second request hidden in it, and every caller on the shared pool
// gets the answer to its own request.
import { exchangeRaw, waitFor } from "@greenspec/test-helpers";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type Mock, startMock } from "../dist/index.js";
import { startUpstream, type Upstream } from "./upstream.js";

let upstream: Upstream;
let proxy: Mock;

beforeAll(async () => {
  upstream = await startUpstream();
  // Each answer names the request it answers, so a misdelivered answer shows.
  upstream.answer = (request) => ({
    status: 200,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ answers: request.url }),
  });
  proxy = await startMock({ proxy: upstream.url });
});
afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
});

const SMUGGLED = "GET /smuggled HTTP/1.1\r\nHost: upstream\r\nContent-Length: 0\r\n\r\n";

function smuggling(method: string, framing: string, path: string): Buffer {
  const framed =
    framing === "content-length"
      ? `Content-Length: ${SMUGGLED.length}\r\n\r\n${SMUGGLED}`
      : `Transfer-Encoding: chunked\r\n\r\n${SMUGGLED.length.toString(16)}\r\n${SMUGGLED}\r\n0\r\n\r\n`;
  return Buffer.from(
    `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive, ${framing}\r\n${framed}`,
    "latin1",
  );
}

for (const method of ["GET", "DELETE"]) {
  for (const framing of ["content-length", "transfer-encoding"]) {
    test(`a ${method} whose Connection names ${framing} never reaches the upstream as two requests, and a second caller gets its own answer`, async () => {
      for (let round = 0; round < 3; round++) {
        upstream.received.length = 0;
        const before = proxy.checked;
        const attacker = "/waInstance1101000001/getGroupData/attackerToken123456";
        const victim = `/waInstance1101000002/getGroupData/victimToken${round}abcdefgh`;
        const outcome = await exchangeRaw(proxy.url, smuggling(method, framing, attacker));
        expect(outcome.status, "the attacker is answered").toBeDefined();
        const reply = await fetch(`${proxy.url}${victim}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{}",
          signal: AbortSignal.timeout(5000),
        });
        expect(await reply.json()).toEqual({ answers: victim });
        // Both exchanges done with (the proxy counts each): anything smuggled has arrived by now.
        await waitFor(() => proxy.checked >= before + 2, 5000);
        expect(upstream.received.map((request) => request.url)).not.toContain("/smuggled");
      }
    });
  }
}
