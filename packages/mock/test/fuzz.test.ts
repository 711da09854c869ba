import { exchangeRaw, rssOf, seededRandom } from "@greenspec/test-helpers";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type Mock, startMock } from "../dist/index.js";
import { send } from "./http.js";
import { type MalformedRequest, malformedRequest } from "./malformed-requests.js";
import { operations, operationUrl } from "./openapi-operations.js";
import { ANSWER_WITHIN_MS, inParallel } from "./raw-exchange.js";
import { validBodies } from "./request-bodies.js";

const SEED = 0x5eed_2026;
const BATCHES = 12;
const BATCH_SIZE = 100;
/** The Prism process's resident memory, checked after each batch. */
const MEMORY_CEILING_BYTES = 600 * 1024 * 1024;

/** Requests in flight at once within a batch. */
const PARALLEL = 10;

const [operation] = operations;
if (!operation) throw new Error("the bundled spec has no operation");
const [valid] = validBodies(operation);

let mock: Mock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock?.close());

test(`answers ${BATCHES * BATCH_SIZE} malformed requests (seed ${SEED.toString(16)}) within ${ANSWER_WITHIN_MS} ms each, never with a 5xx, and keeps serving`, async () => {
  const random = seededRandom(SEED);
  const shapes = new Map<string, number>();
  for (let batch = 0; batch < BATCHES; batch++) {
    const requests = Array.from({ length: BATCH_SIZE }, () => malformedRequest(random, operations));
    const outcomes = await inParallel(requests, PARALLEL, (request) =>
      exchangeRaw(mock.url, request.bytes),
    );
    const failures = outcomes.flatMap((outcome, index) => {
      const request = requests[index] as MalformedRequest;
      shapes.set(request.shape, (shapes.get(request.shape) ?? 0) + 1);
      const { status } = outcome;
      const ok =
        status !== undefined &&
        status < 500 &&
        (request.expect === "not 5xx" || (status >= 400 && status < 500));
      return ok
        ? []
        : [
            `${request.shape}: ${status ?? "no answer"} after ${Math.round(outcome.ms)} ms; sent ${JSON.stringify(request.bytes.subarray(0, 160).toString("latin1"))}`,
          ];
    });
    expect(failures, `batch ${batch}`).toEqual([]);
    const reply = await send(operationUrl(mock.url, operation), operation, valid?.body ?? null);
    expect(reply.status, `a valid call after batch ${batch}`).toBe(200);
    expect(rssOf(mock.pid), `memory after batch ${batch}`).toBeLessThan(MEMORY_CEILING_BYTES);
  }
  expect(mock.faults, "no error escaped a request handler").toEqual([]);
  expect(mock.error).toBeUndefined();
  // Every shape was tried (the generator is seeded, so this pins the mix).
  expect(shapes.size).toBe(12);
}, 240_000);
