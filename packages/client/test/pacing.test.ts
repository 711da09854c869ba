import { afterEach, describe, expect, it } from "vitest";
import { createGreenApi, operations, Pacer, rateLimits } from "../src/index.js";
import { json, type ScriptedServer, startScripted } from "./http-server.js";
import { specOperations } from "./spec.js";

let server: ScriptedServer | undefined;
afterEach(() => server?.close());

describe("rate limits", () => {
  it("come from the spec's x-greenspec-rate-limit for every operation", () => {
    for (const operation of specOperations) {
      const id = operation.operationId as keyof typeof rateLimits;
      expect(rateLimits[id], id).toBe(operation["x-greenspec-rate-limit"]?.requestsPerSecond);
    }
    expect(Object.keys(rateLimits).sort()).toEqual(Object.keys(operations).sort());
  });
});

describe("Pacer", () => {
  it("lets one call of an operation leave per interval, operations independently", async () => {
    const pacer = new Pacer({ fast: 50, slow: 10 });
    const started = performance.now();
    const left: Record<string, number[]> = { fast: [], slow: [] };
    const go = (op: "fast" | "slow") =>
      pacer.wait(op).then(() => left[op]?.push(performance.now() - started));
    await Promise.all([
      go("fast"),
      go("slow"),
      go("fast"),
      go("fast"),
      go("slow"),
      pacer.wait("unlimited"),
    ]);
    // 50/s is one per 20 ms (21 with the headroom); 10/s one per 100 ms (105).
    expect(left.fast).toHaveLength(3);
    expect((left.fast?.[2] ?? 0) - (left.fast?.[0] ?? 0)).toBeGreaterThanOrEqual(2 * 21 - 1);
    expect((left.slow?.[1] ?? 0) - (left.slow?.[0] ?? 0)).toBeGreaterThanOrEqual(105 - 1);
    expect(left.slow?.[0]).toBeLessThan(50);
  });

  it("gives an aborted waiter's turn to the next one", async () => {
    const pacer = new Pacer({ op: 5 });
    await pacer.wait("op");
    const controller = new AbortController();
    const aborted = pacer.wait("op", controller.signal);
    const next = pacer.wait("op");
    controller.abort();
    const started = performance.now();
    await aborted;
    await next;
    // The aborted waiter took no slot: the next one left one interval after the first.
    expect(performance.now() - started).toBeLessThan(260);
  });
});

async function arrivalsOf(pacing: boolean) {
  // Departures, not arrivals: the pacer controls when a request leaves the client.
  const departures: number[] = [];
  server = await startScripted(json(200, { addParticipant: true }));
  const api = createGreenApi({
    idInstance: "1101000001",
    apiTokenInstance: "YOUR_TOKEN",
    apiUrl: server.url,
    pacing,
    fetch: (input, init) => {
      departures.push(performance.now());
      return fetch(input, init);
    },
  });
  const body = { groupId: "79001234567-1587570015@g.us", participantChatId: "79001234568@c.us" };
  const start = performance.now();
  await Promise.all(Array.from({ length: 5 }, () => api.addGroupParticipant(body)));
  expect(server.received).toHaveLength(5);
  await server.close();
  server = undefined;
  return departures.map((t) => t - start);
}

describe("pacing: true", () => {
  it("spaces calls of a method by its rate limit", async () => {
    const interval = 1_000 / (rateLimits.addGroupParticipant ?? 1);
    const arrivals = await arrivalsOf(true);
    expect(arrivals).toHaveLength(5);
    // The n-th call leaves no sooner than n intervals after the burst began.
    for (const [n, at] of arrivals.entries()) expect(at).toBeGreaterThanOrEqual(n * interval - 1);
  });

  it("is off by default: the same calls go out together", async () => {
    const arrivals = await arrivalsOf(false);
    // Paced, the fifth call could not leave before four intervals.
    expect(arrivals.at(-1)).toBeLessThan((4 * 1_000) / (rateLimits.addGroupParticipant ?? 1) - 5);
  });
});
