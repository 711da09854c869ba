import { describe, expect, it, vi } from "vitest";
import { createEmulator, EmulatorError, startEmulator } from "../src/index.js";
import { clientOf, ID, TOKEN } from "./helpers.js";

const phones = (count: number) => Array.from({ length: count }, (_, i) => 79001234500 + i);

/** A group on a manual-clock emulator, made by a client that moves the clock before each call. */
async function groupOn(emulator: ReturnType<typeof createEmulator>) {
  const api = clientOf(emulator, {
    fetch: (input: string, init: RequestInit) => {
      emulator.clock.advance(1000);
      return emulator.fetch(input, init);
    },
  });
  const created = await api.createGroup({ groupName: "Mid-flow", chatIds: ["79001234599@c.us"] });
  if (!created.created) throw new Error("the emulator did not create the group");
  return { api, groupId: created.chatId };
}

describe("fail(operation, { after }) lands a fault in the middle of a flow", () => {
  it("lets `after` calls through, then fails the next `times` ones, then answers as usual again", async () => {
    const emulator = createEmulator({ clock: "manual" });
    const { api, groupId } = await groupOn(emulator);
    emulator.fail("addGroupParticipant", { after: 2, status: 500, times: 2 });
    const statuses: (number | "ok")[] = [];
    for (const phone of phones(5)) {
      const outcome = await api.addGroupParticipant({ groupId, participantPhone: phone }).then(
        () => "ok" as const,
        (error: { status: number }) => error.status,
      );
      statuses.push(outcome);
    }
    expect(statuses).toEqual(["ok", "ok", 500, 500, "ok"]);
  });

  it("fails exactly one entry of a bulk add, and the others are added", async () => {
    const emulator = createEmulator({ clock: "manual" });
    const { api, groupId } = await groupOn(emulator);
    emulator.fail("addGroupParticipant", { after: 3, status: 500 });
    const participants = phones(6).map((participantPhone) => ({ participantPhone }));
    const { results, counts } = await api.addGroupParticipants({ groupId, participants });
    expect(results.map((result) => result.status)).toEqual([
      "added",
      "added",
      "added",
      "failed",
      "added",
      "added",
    ]);
    expect(counts).toMatchObject({ added: 5, failed: 1 });
  });

  it("refuses a bad `after` with a typed error and schedules nothing", async () => {
    const emulator = createEmulator({ clock: "manual" });
    const { api, groupId } = await groupOn(emulator);
    for (const after of [-1, 1.5, "2"]) {
      expect(() =>
        emulator.fail("addGroupParticipant", { after: after as number, status: 500 }),
      ).toThrow(EmulatorError);
    }
    await expect(
      api.addGroupParticipant({ groupId, participantPhone: 79001234501 }),
    ).resolves.toEqual({ addParticipant: true });
  });

  it("takes `after` over HTTP too (POST /_emulator/fail)", async () => {
    const server = await startEmulator({ clock: "manual" });
    try {
      const control = (path: string, body: unknown) =>
        fetch(`${server.url}/_emulator${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
      const bad = await control("/fail", { operation: "getGroupData", status: 500, after: -1 });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ field: "after" });
      const ok = await control("/fail", { operation: "getGroupData", status: 500, after: 1 });
      expect(ok.status).toBe(200);
      const read = () =>
        fetch(`${server.url}/waInstance${ID}/getGroupData/${TOKEN}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ groupId: "79001234567-1587570015@g.us" }),
        }).then((response) => response.status);
      expect(await read()).not.toBe(500);
      await control("/clock/advance", { ms: 1000 });
      expect(await read()).toBe(500);
    } finally {
      await server.close();
    }
  });
});

describe("a manual clock and a paced client", () => {
  it("adds all of a bulk of 12 when the clock is advanced as the calls go (onProgress)", async () => {
    const emulator = createEmulator({ clock: "manual" });
    const { groupId } = await groupOn(emulator);
    const api = clientOf(emulator);
    const participants = phones(12).map((participantPhone) => ({ participantPhone }));
    const { counts } = await api.addGroupParticipants(
      { groupId, participants },
      // The pacer waits in real time; the emulator's bucket refills only in its own time.
      { onProgress: () => emulator.clock.advance(1000) },
    );
    expect(counts).toMatchObject({ added: 12, failed: 0 });
  });

  it("answers 429 past the rate limit when the manual clock stands still, and says why once", async () => {
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    try {
      const emulator = createEmulator({ clock: "manual" });
      const { groupId } = await groupOn(emulator);
      const api = clientOf(emulator);
      const participants = phones(12).map((participantPhone) => ({ participantPhone }));
      const { results } = await api.addGroupParticipants({ groupId, participants });
      const limited = results.filter(
        (result) => result.status === "failed" && result.error.kind === "rate-limited",
      );
      expect(limited.length).toBeGreaterThan(0);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(
        /addGroupParticipant answered 429.*manual clock.*clock\.advance/,
      );
    } finally {
      warn.mockRestore();
    }
  });

  it("says nothing of the clock for a 429 on a real clock", async () => {
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    try {
      const emulator = createEmulator();
      const api = clientOf(emulator);
      const groupId = "79001234567-1587570015@g.us";
      const calls = [1, 2].map(() => api.getGroupData({ groupId }).catch((error) => error));
      const outcomes = await Promise.all(calls);
      expect(outcomes.some((outcome) => outcome?.kind === "rate-limited")).toBe(true);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
