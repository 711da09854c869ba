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
  it("books slots 1/limit s apart per operation, independently", () => {
    const pacer = new Pacer({ fast: 10, slow: 1 });
    const now = 1_000_000;
    expect([0, 1, 2].map(() => pacer.reserve("fast", now))).toEqual([0, 100, 200]);
    expect([0, 1].map(() => pacer.reserve("slow", now))).toEqual([0, 1_000]);
    expect(pacer.reserve("unlimited", now)).toBe(0);
    // Once the booked slots are in the past, a call goes at once again.
    expect(pacer.reserve("fast", now + 5_000)).toBe(0);
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
    // The n-th call may leave no sooner than n intervals after the burst began.
    for (const [n, at] of arrivals.entries()) expect(at).toBeGreaterThanOrEqual(n * interval - 5);
  });

  it("is off by default: the same calls go out together", async () => {
    const arrivals = await arrivalsOf(false);
    // Paced, the fifth call could not leave before four intervals.
    expect(arrivals.at(-1)).toBeLessThan((4 * 1_000) / (rateLimits.addGroupParticipant ?? 1) - 5);
  });
});
