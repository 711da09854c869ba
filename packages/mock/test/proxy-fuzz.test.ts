import { exchangeRaw, rssOf, seededRandom, waitFor } from "@greenspec/test-helpers";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type Mock, startMock } from "../dist/index.js";
import { malformedRequest } from "./malformed-requests.js";
import { operations, operationUrl } from "./openapi-operations.js";
import { inParallel } from "./raw-exchange.js";
import { startUpstream, type Upstream } from "./upstream.js";

const SEED = 0x9a0c_5eed;
const BATCHES = 10;
const BATCH_SIZE = 100;
/** The Prism process's resident memory, checked after each batch. */
const MEMORY_CEILING_BYTES = 600 * 1024 * 1024;

const [operation] = operations;
if (!operation) throw new Error("the bundled spec has no operation");

let upstream: Upstream;
let proxy: Mock;
beforeAll(async () => {
  upstream = await startUpstream();
  upstream.answer = () => ({
    status: 400,
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  proxy = await startMock({ proxy: upstream.url });
});
afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
});

test(`answers ${BATCHES * BATCH_SIZE} malformed requests (seed ${SEED.toString(16)}) and keeps forwarding and checking`, async () => {
  const random = seededRandom(SEED);
  for (let batch = 0; batch < BATCHES; batch++) {
    // A stalled request waits on the caller through a proxy; that is the caller's to end.
    const requests = Array.from({ length: BATCH_SIZE }, () =>
      malformedRequest(random, operations),
    ).filter((request) => !request.stall);
    const outcomes = await inParallel(requests, 10, (request) =>
      exchangeRaw(proxy.url, request.bytes),
    );
    const failures = outcomes.flatMap((outcome, index) =>
      outcome.status !== undefined && outcome.status !== 500
        ? []
        : [
            `${requests[index]?.shape}: ${outcome.status ?? "no answer"} after ${Math.round(outcome.ms)} ms ${JSON.stringify(requests[index]?.bytes.subarray(-40).toString("latin1"))}`,
          ],
    );
    expect(failures, `batch ${batch}`).toEqual([]);
    const forwarded = upstream.received.length;
    const response = await fetch(operationUrl(proxy.url, operation), {
      method: "POST",
      body: "{}",
    });
    expect(response.status, "the upstream's own answer").toBe(400);
    expect(upstream.received.length).toBe(forwarded + 1);
    expect(rssOf(proxy.pid), `memory after batch ${batch}`).toBeLessThan(MEMORY_CEILING_BYTES);
  }
  await waitFor(() => proxy.checked >= upstream.received.length, 10_000, 20);
  expect(proxy.checked, "the proxy is done with every request").toBeGreaterThanOrEqual(
    upstream.received.length,
  );
  expect(proxy.violations.filter((v) => v.message.includes("could not be checked"))).toEqual([]);
  expect(proxy.faults).toEqual([]);
}, 120_000);
