// The tolerant reader: a 200 is returned as it came when the fields its outcome rests on are
// sound, whatever else drifted (told to onDrift); without them it stays an unexpected-response.
// Answers come from a stand-in fetch: no server is needed to read them.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { createGreenApi, type DriftReport, type GreenApiOptions } from "../src/index.js";
import { failureOf as failure } from "./failure.js";
import { expectNoLeak } from "./leak.js";

const TOKEN = "S3cr3t-t0ken+/=42";
const GROUP = "120363043968066561@g.us";
const MEMBER = { groupId: GROUP, participantChatId: "79001234568@c.us" };

/** A client whose every request is answered with `status` and `body` (JSON unless a string). */
function answering(status: number, body: unknown, more: Partial<GreenApiOptions> = {}) {
  const fetch = vi.fn(
    async () =>
      new Response(typeof body === "string" ? body : JSON.stringify(body), {
        status,
        headers: { "Content-Type": typeof body === "string" ? "text/plain" : "application/json" },
      }),
  );
  const api = createGreenApi({
    idInstance: "7105187566",
    apiTokenInstance: TOKEN,
    retry: { attempts: 3, baseDelay: 1, maxDelay: 1, deadline: 1_000 },
    fetch,
    ...more,
  });
  return { api, fetch };
}

/** A live getGroupData answer, with the drift issue 23 reports (no subjectOwner, subjectTime null). */
const driftedGroup = {
  groupId: GROUP,
  owner: "79001234567@c.us",
  creation: 1757978420,
  subjectTime: null,
  groupInviteLink: "",
  size: "1",
  somethingNew: { nested: true },
  participants: [
    { id: "79001234567@c.us", lid: "78714469634134@lid", isAdmin: true, isSuperAdmin: true },
  ],
};

describe("a 200 whose outcome fields are sound", () => {
  it("is returned as it came, though fields the outcome does not rest on are missing, null, extra or mistyped", async () => {
    const { api } = answering(200, driftedGroup);
    await expect(api.getGroupData({ groupId: GROUP })).resolves.toEqual(driftedGroup);
  });

  it("tells the client's and the call's onDrift each field that left the spec", async () => {
    const reports: DriftReport[] = [];
    const { api } = answering(200, driftedGroup, { onDrift: (r) => reports.push(r) });
    await api.getGroupData({ groupId: GROUP }, { onDrift: (r) => reports.push(r) });
    const expected = {
      operation: "getGroupData",
      violations: [
        { field: "subject", rule: "is required" },
        { field: "size", rule: "must be a whole number" },
      ],
    };
    expect(reports).toEqual([expected, expected]);
  });

  it("tells onDrift nothing when the answer matches the spec", async () => {
    const onDrift = vi.fn();
    const { api } = answering(200, { addParticipant: false }, { onDrift });
    await expect(api.addGroupParticipant(MEMBER)).resolves.toEqual({ addParticipant: false });
    expect(onDrift).not.toHaveBeenCalled();
  });

  it("is still returned when an onDrift listener throws: the call was carried out", async () => {
    const { api } = answering(200, driftedGroup, {
      onDrift: () => {
        throw new Error("listener broke");
      },
    });
    await expect(api.getGroupData({ groupId: GROUP })).resolves.toEqual(driftedGroup);
  });

  it("takes setGroupPicture's success with urlAvatar and reason null (green-api/issues #435)", async () => {
    const onDrift = vi.fn();
    const body = { setGroupPicture: true, urlAvatar: null, reason: null };
    const { api } = answering(200, body, { onDrift });
    const file = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: "image/jpeg" });
    await expect(api.setGroupPicture({ groupId: GROUP, file })).resolves.toEqual(body);
    expect(onDrift).not.toHaveBeenCalled();
  });

  it("takes leaveGroup's recorded {removeAdmin: true} alone", async () => {
    const { api } = answering(200, { removeAdmin: true });
    await expect(api.leaveGroup({ groupId: GROUP })).resolves.toEqual({ removeAdmin: true });
  });
});

describe("a 200 without a sound outcome", () => {
  it("is an unexpected-response, outcome unknown, sent once for a call not safe to repeat", async () => {
    const { api, fetch } = answering(200, { chatId: GROUP, groupInviteLink: "" });
    const error = await failure(
      api.createGroup({ groupName: "Weekend football", chatIds: ["79001234568@c.us"] }),
    );
    expect(error).toMatchObject({ kind: "unexpected-response", outcomeUnknown: true });
    expect(error.message).toMatch(/created is required/);
    expect(error.message).toMatch(/not safe to repeat/);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("is an unexpected-response when an outcome field has another type", async () => {
    const { api } = answering(200, { ...driftedGroup, participants: "none" });
    const error = await failure(api.getGroupData({ groupId: GROUP }));
    expect(error.kind).toBe("unexpected-response");
    expect(error.message).toMatch(/participants must be a list/);
  });

  it("refuses an onDrift that is not a function before sending anything", async () => {
    const { api, fetch } = answering(200, { addParticipant: true });
    const error = await failure(api.addGroupParticipant(MEMBER, { onDrift: "log" as never }));
    expect(error).toMatchObject({ kind: "validation", field: "onDrift" });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("the service's validation envelope", () => {
  const recorded = {
    statusCode: 400,
    timestamp: "2026-07-19T17:06:20.804Z",
    path: `/waInstance7105187566/addGroupParticipant/${TOKEN}`,
    message: "Validation failed. Details: 'chatId': invalid phone number",
  };

  it("gives the service's own message, not the JSON around it, and never the echoed token", async () => {
    const { api } = answering(400, recorded);
    const error = await failure(api.addGroupParticipant(MEMBER));
    expect(error).toMatchObject({ kind: "bad-request", status: 400 });
    expect((error as { description?: string }).description).toBe(recorded.message);
    expect(error.message).toContain(recorded.message);
    expect(error.message).not.toContain("statusCode");
    expectNoLeak(error, TOKEN);
  });

  it("still reads {code, description} and plain text as before", async () => {
    const json = await failure(
      answering(400, { code: 400, description: "bad request data" }).api.addGroupParticipant(
        MEMBER,
      ),
    );
    expect((json as { description?: string }).description).toBe("bad request data");
    const text = await failure(answering(400, "bad request data").api.addGroupParticipant(MEMBER));
    expect((text as { description?: string }).description).toBe("bad request data");
  });
});

describe("every recorded answer of the live service (spec/recordings)", () => {
  const folder = new URL("../../../spec/recordings/", import.meta.url);
  type Item = { operation: string; status: number; body: unknown; source: string };
  const items = readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .flatMap(
      (name) =>
        (JSON.parse(readFileSync(new URL(name, folder), "utf8")) as { items: Item[] }).items,
    );
  const bodies: Record<string, unknown> = {
    createGroup: { groupName: "Weekend football", chatIds: ["79001234568@c.us"] },
    getGroupData: { groupId: GROUP },
    updateGroupName: { groupId: GROUP, groupName: "Weekend football" },
    updateGroupSettings: { groupId: GROUP, allowParticipantsSendMessages: true },
    addGroupParticipant: MEMBER,
    removeGroupParticipant: MEMBER,
    setGroupAdmin: MEMBER,
    removeAdmin: MEMBER,
    setGroupPicture: { groupId: GROUP, file: new Blob([new Uint8Array([0xff, 0xd8])]) },
    leaveGroup: { groupId: GROUP },
  };
  const successes = items.filter((item) => item.status === 200 && item.operation in bodies);

  it("there are recorded successes to read", () => {
    expect(successes.length).toBeGreaterThan(40);
  });

  it.each(successes.map((item) => [`${item.operation} (${item.source})`, item] as const))(
    "%s resolves with the body as recorded",
    async (_name, item) => {
      const { api } = answering(200, item.body);
      const method = api[item.operation as "leaveGroup"] as (body: unknown) => Promise<unknown>;
      await expect(method(bodies[item.operation])).resolves.toEqual(item.body);
    },
  );
});
