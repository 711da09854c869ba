import { afterEach, describe, expect, it } from "vitest";
import { createGreenApi, GreenApiError, Pacer, rateLimits } from "../src/bulk-client.js";
import {
  type FaultServer,
  type FaultServerOptions,
  startFaultServer,
} from "./bulk-fault-server.js";

const LIMIT = rateLimits.addGroupParticipant ?? 0;
const GROUP = "79001234567-1587570015@g.us";
const credentials = { idInstance: "1101000001", apiTokenInstance: "TEST_TOKEN_bulk" };

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(options: FaultServerOptions = {}) {
  server = await startFaultServer(options);
  return server;
}

/** `count` different people, alternating chat ids and phones. */
function people(count: number, first = 79001230000) {
  return Array.from({ length: count }, (_, i) =>
    i % 2 === 0 ? { participantChatId: `${first + i}@c.us` } : { participantPhone: first + i },
  );
}

/** How the fault server sees an entry: phones arrive as `<phone>@c.us` (the default phoneMode). */
function keyOf(p: { participantChatId?: string; participantPhone?: number }) {
  return p.participantPhone !== undefined
    ? `chat:${p.participantPhone}@c.us`
    : `chat:${p.participantChatId}`;
}

describe("addGroupParticipants", () => {
  it("knows the documented rate limit of addGroupParticipant", () => {
    expect(LIMIT).toBeGreaterThan(0);
  });

  it("waits out a 429 and a starting instance midway, pacing under the limit, sending each person once", async () => {
    const fault = await serve({
      faults: new Map([
        [8, { kind: "rate-limited", retryAfterSeconds: 1 }],
        [15, { kind: "instance-starting" }],
      ]),
    });
    const api = createGreenApi({ ...credentials, apiUrl: fault.url });
    const participants = people(30);
    const progress: { done: number; total: number }[] = [];
    const result = await api.addGroupParticipants(
      { groupId: GROUP, participants },
      { onProgress: (p) => progress.push(p) },
    );

    expect(result.counts).toEqual({
      added: 30,
      notAdded: 0,
      failed: 0,
      duplicates: 0,
      notAttempted: 0,
    });
    expect(result.results.map((r) => r.participant)).toEqual(participants);
    expect(fault.faultsAnswered.get("rate-limited")).toBe(1);
    expect(fault.faultsAnswered.get("instance-starting")).toBe(1);
    for (const p of participants) expect(fault.accepted.get(keyOf(p)), keyOf(p)).toBe(1);
    expect(fault.arrivals.length).toBe(32);
    expect(fault.peakPerSecond()).toBeLessThanOrEqual(LIMIT);
    expect(progress.at(-1)).toEqual({ done: 30, total: 30 });
    const dones = progress.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
  }, 30_000);

  it("adds 100 people without tripping a service that limits to the documented rate", async () => {
    const fault = await serve({ limitPerSecond: LIMIT });
    const api = createGreenApi({ ...credentials, apiUrl: fault.url });
    const started = performance.now();
    const result = await api.addGroupParticipants({ groupId: GROUP, participants: people(100) });
    const seconds = (performance.now() - started) / 1000;

    expect(result.counts.added).toBe(100);
    expect(fault.limiterRefusals).toBe(0);
    expect(fault.arrivals.length).toBe(100);
    expect(fault.peakPerSecond()).toBeLessThanOrEqual(LIMIT);
    // Paced, not bursting: 100 calls at LIMIT per second cannot finish much sooner than this.
    expect(seconds).toBeGreaterThanOrEqual((100 - 1) / LIMIT - 0.05);
    console.log(
      `bulk: 100 participants in ${seconds.toFixed(2)} s; peak ${fault.peakPerSecond()} req/s ` +
        `(aligned windows), ${fault.peakInAnySecond()} in any 1000 ms; limit ${LIMIT}`,
    );
  }, 40_000);

  it("keeps going after one person is refused and reports why", async () => {
    const participants = people(5);
    const refused = participants[2] as { participantChatId: string };
    const fault = await serve({ refuse: new Set([keyOf(refused)]) });
    const api = createGreenApi({ ...credentials, apiUrl: fault.url });
    const result = await api.addGroupParticipants({ groupId: GROUP, participants });

    expect(result.counts).toMatchObject({ added: 4, failed: 1 });
    const outcome = result.results[2];
    expect(outcome?.status).toBe("failed");
    if (outcome?.status !== "failed") return;
    expect(outcome.error).toBeInstanceOf(GreenApiError);
    expect(outcome.error.kind).toBe("bad-request");
    expect(outcome.error.message).not.toContain(credentials.apiTokenInstance);
    // Not a transient failure: sent once, not retried.
    expect(fault.requests.get(keyOf(refused))).toBe(1);
  });

  it("reports a false answer as not added", async () => {
    const participants = people(3);
    const fault = await serve({ notAdded: new Set([keyOf(participants[1] as never)]) });
    const api = createGreenApi({ ...credentials, apiUrl: fault.url });
    const result = await api.addGroupParticipants({ groupId: GROUP, participants });

    expect(result.results.map((r) => r.status)).toEqual(["added", "not-added", "added"]);
    expect(result.results[1]).toMatchObject({ added: false });
    expect(result.counts).toMatchObject({ added: 2, notAdded: 1 });
  });

  it("sends a person given twice, by chat id and by phone, only once", async () => {
    const fault = await serve();
    const api = createGreenApi({ ...credentials, apiUrl: fault.url });
    const result = await api.addGroupParticipants({
      groupId: GROUP,
      participants: [
        { participantChatId: "79001234568@c.us" },
        { participantPhone: 79001234569 },
        { participantPhone: 79001234568 },
        { participantChatId: "79001234569@c.us" },
        { participantChatId: "79001234568@c.us" },
      ],
    });

    expect(result.results.map((r) => r.status)).toEqual([
      "added",
      "added",
      "duplicate",
      "duplicate",
      "duplicate",
    ]);
    expect(
      result.results.slice(2).map((r) => (r.status === "duplicate" ? r.duplicateOf : -1)),
    ).toEqual([0, 1, 0]);
    expect(result.counts).toEqual({
      added: 2,
      notAdded: 0,
      failed: 0,
      duplicates: 3,
      notAttempted: 0,
    });
    expect(fault.arrivals.length).toBe(2);
  });

  it("fails invalid entries locally with the client's validation error and never sends them", async () => {
    const fault = await serve();
    const api = createGreenApi({ ...credentials, apiUrl: fault.url });
    const participants = [
      { participantChatId: "hello" },
      { participantPhone: 12 },
      { participantChatId: "79001234568@c.us", participantPhone: 79001234568 },
      {},
      { participantPhone: 79001234570 },
    ];
    const result = await api.addGroupParticipants({
      groupId: GROUP,
      participants: participants as never,
    });

    expect(result.results.map((r) => r.status)).toEqual([
      "failed",
      "failed",
      "failed",
      "failed",
      "added",
    ]);
    const errors = result.results.flatMap((r) => (r.status === "failed" ? [r.error] : []));
    for (const error of errors) {
      expect(error).toBeInstanceOf(GreenApiError);
      expect(error.kind).toBe("validation");
      expect(error.attempts).toBe(0);
    }
    expect(errors[0]?.message).toContain("participantChatId");
    expect(errors[1]?.message).toContain("participantPhone");
    expect(errors[2]?.message).toMatch(/both|exactly one/);
    expect(fault.arrivals.length).toBe(1);
    expect(result.counts).toMatchObject({ added: 1, failed: 4 });
  });

  it("rejects a bad group id before sending anything", async () => {
    const fault = await serve();
    const api = createGreenApi({ ...credentials, apiUrl: fault.url });
    const call = api.addGroupParticipants({ groupId: "not-a-group", participants: people(3) });
    await expect(call).rejects.toMatchObject({ kind: "validation", field: "groupId" });
    expect(fault.arrivals.length).toBe(0);
  });

  it("stops at once on abort and reports who was not attempted", async () => {
    const fault = await serve();
    const api = createGreenApi({ ...credentials, apiUrl: fault.url });
    const participants = people(20);
    const controller = new AbortController();
    let abortedAt = 0;
    const result = await api.addGroupParticipants(
      { groupId: GROUP, participants },
      {
        signal: controller.signal,
        onProgress: ({ done }) => {
          if (done === 3 && !abortedAt) {
            abortedAt = Date.now();
            controller.abort();
          }
        },
      },
    );
    const returnedAt = Date.now();

    expect(returnedAt - abortedAt).toBeLessThan(500);
    expect(result.results).toHaveLength(20);
    // The answer of a request already in flight may still land before the abort is seen.
    expect(result.counts.added).toBeGreaterThanOrEqual(3);
    expect(result.counts.added).toBeLessThanOrEqual(4);
    expect(result.counts.added + result.counts.failed + result.counts.notAttempted).toBe(20);
    expect(result.counts.notAttempted).toBeGreaterThanOrEqual(15);
    expect(result.results.slice(0, 3).every((r) => r.status === "added")).toBe(true);
    for (const [index, outcome] of result.results.entries()) {
      if (outcome.status === "not-attempted")
        expect(fault.requests.has(keyOf(participants[index] as never)), `entry ${index}`).toBe(
          false,
        );
    }
    expect(fault.arrivals.filter((t) => t > abortedAt + 50)).toEqual([]);
  });

  it("sends nothing when the signal is already aborted", async () => {
    const fault = await serve();
    const api = createGreenApi({ ...credentials, apiUrl: fault.url });
    const result = await api.addGroupParticipants(
      { groupId: GROUP, participants: [...people(3), { participantPhone: 79001230000 + 2 }] },
      { signal: AbortSignal.abort() },
    );
    expect(result.results.map((r) => r.status)).toEqual([
      "not-attempted",
      "not-attempted",
      "not-attempted",
      "duplicate",
    ]);
    expect(fault.arrivals.length).toBe(0);
  });

  it("goes through the client's own pacer when it has one, in step with single calls", async () => {
    const fault = await serve();
    const api = createGreenApi({ ...credentials, apiUrl: fault.url, pacing: new Pacer() });
    const started = performance.now();
    const singles = people(8, 79005550000).map((p) =>
      api.addGroupParticipant({ groupId: GROUP, ...p }),
    );
    const bulk = api.addGroupParticipants({ groupId: GROUP, participants: people(12) });
    const [result] = await Promise.all([bulk, ...singles]);
    const seconds = (performance.now() - started) / 1000;

    expect(result.counts.added).toBe(12);
    expect(fault.arrivals.length).toBe(20);
    // One pacer for all 20 calls: they cannot finish sooner than 19 intervals of the limit.
    expect(seconds).toBeGreaterThanOrEqual(19 / LIMIT - 0.05);
  }, 20_000);
});
