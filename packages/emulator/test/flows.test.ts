import { describe, expect, it } from "vitest";
import { MANUAL_CLOCK_START } from "../src/clock.js";
import { createEmulator, EmulatorError } from "../src/index.js";
import { clientOf, ID, JPEG, PNG, post, rejection, TOKEN } from "./helpers.js";

const ALICE = "79001234568@c.us";
const BOB = "79001234569@c.us";

/** An emulator on a manual clock whose client moves the clock a second before each call. */
function setup(options: Parameters<typeof createEmulator>[0] = {}) {
  const emulator = createEmulator({ clock: "manual", ...options });
  const fetch = (input: string, init: RequestInit) => {
    emulator.clock.advance(1000);
    return emulator.fetch(input, init);
  };
  const api = clientOf(emulator, { fetch });
  return { emulator, api, fetch };
}

describe("a group's life through the client", () => {
  it("creates, adds, promotes, reads back, renames, demotes, removes and leaves", async () => {
    const { api } = setup();
    const created = await api.createGroup({ groupName: "Weekend football", chatIds: [ALICE] });
    expect(created).toMatchObject({ created: true });
    const groupId = created.chatId as string;
    expect(groupId).toMatch(/^\d{18}@g\.us$/);
    expect(created.groupInviteLink).toMatch(/^https:\/\/chat\.whatsapp\.com\/\w+$/);

    expect(await api.addGroupParticipant({ groupId, participantChatId: BOB })).toEqual({
      addParticipant: true,
    });
    expect(await api.setGroupAdmin({ groupId, participantChatId: BOB })).toEqual({
      setGroupAdmin: true,
    });
    // An admin already: Green API's page answers false (issue 23).
    expect(await api.setGroupAdmin({ groupId, participantChatId: BOB })).toEqual({
      setGroupAdmin: false,
    });
    const data = await api.getGroupData({ groupId });
    const me = data.owner;
    expect(data.subject).toBe("Weekend football");
    expect(data.groupInviteLink).toBe(created.groupInviteLink);
    expect(data.participants).toEqual([
      { id: me, lid: expect.stringMatching(/^\d+@lid$/), isAdmin: true, isSuperAdmin: true },
      { id: ALICE, lid: expect.stringMatching(/^\d+@lid$/), isAdmin: false, isSuperAdmin: false },
      { id: BOB, lid: expect.stringMatching(/^\d+@lid$/), isAdmin: true, isSuperAdmin: false },
    ]);
    expect(data.size).toBe(3);

    expect(await api.updateGroupName({ groupId, groupName: "Sundays" })).toEqual({
      updateGroupName: true,
    });
    expect(await api.removeAdmin({ groupId, participantPhone: 79001234569 })).toEqual({
      removeAdmin: true,
    });
    expect(await api.removeGroupParticipant({ groupId, participantChatId: ALICE })).toEqual({
      removeParticipant: true,
    });
    const after = await api.getGroupData({ groupId });
    expect(after.subject).toBe("Sundays");
    expect(after.subjectOwner).toBe(me);
    expect(after.participants.map((p) => p.id)).toEqual([me, BOB]);
    expect(after.participants.find((p) => p.id === BOB)?.isAdmin).toBe(false);

    // As the live service answered an admin who left (issue 23): removeAdmin alone.
    expect(await api.leaveGroup({ groupId })).toEqual({ removeAdmin: true });
    // Out of the group, the instance can change nothing and read nothing.
    expect(await api.updateGroupName({ groupId, groupName: "Mine again" })).toEqual({
      updateGroupName: false,
    });
    expect(await api.addGroupParticipant({ groupId, participantChatId: ALICE })).toEqual({
      addParticipant: false,
    });
    expect((await rejection(api.getGroupData({ groupId }))).status).toBe(400);
    expect(await api.leaveGroup({ groupId })).toEqual({ leaveGroup: false });
  });

  it("answers addParticipant false for a member, a person without WhatsApp and a non-admin instance", async () => {
    const { emulator, api, fetch } = setup();
    emulator.addInstance({
      idInstance: "1101000002",
      apiTokenInstance: "other-token",
      phone: 79001234570,
    });
    const other = clientOf(emulator, {
      idInstance: "1101000002",
      apiTokenInstance: "other-token",
      fetch,
    });
    const { chatId: groupId } = await api.createGroup({
      groupName: "Team",
      chatIds: [ALICE, "79001234570@c.us"],
    });
    const id = groupId as string;
    expect(await api.addGroupParticipant({ groupId: id, participantChatId: ALICE })).toEqual({
      addParticipant: false,
    });
    // The magic suffix 0000: a number without WhatsApp.
    expect(await api.addGroupParticipant({ groupId: id, participantPhone: 79001230000 })).toEqual({
      addParticipant: false,
    });
    expect(await other.addGroupParticipant({ groupId: id, participantChatId: BOB })).toEqual({
      addParticipant: false,
    });
    const members = emulator.snapshot().groups[0]?.participants.map((p) => p.id);
    expect(members).not.toContain(BOB);
    expect(members).not.toContain("79001230000@c.us");
  });

  it("treats participantPhone and participantChatId as the same person", async () => {
    const { api } = setup();
    const groupId = (await api.createGroup({ groupName: "Same", chatIds: [ALICE] }))
      .chatId as string;
    expect(await api.addGroupParticipant({ groupId, participantPhone: 79001234569 })).toEqual({
      addParticipant: true,
    });
    expect(await api.addGroupParticipant({ groupId, participantChatId: BOB })).toEqual({
      addParticipant: false,
    });
    expect(await api.setGroupAdmin({ groupId, participantPhone: 79001234569 })).toEqual({
      setGroupAdmin: true,
    });
  });

  it("takes a member's @lid id, as getGroupData shows it, for the same person", async () => {
    const { api } = setup();
    const groupId = (await api.createGroup({ groupName: "Hidden", chatIds: [ALICE, BOB] }))
      .chatId as string;
    const { participants } = await api.getGroupData({ groupId });
    const lid = participants.find((p) => p.id === BOB)?.lid as string;
    expect(await api.setGroupAdmin({ groupId, participantChatId: lid })).toEqual({
      setGroupAdmin: true,
    });
    expect(await api.removeGroupParticipant({ groupId, participantChatId: lid })).toEqual({
      removeParticipant: true,
    });
    const after = await api.getGroupData({ groupId });
    expect(after.participants.map((p) => p.id)).not.toContain(BOB);
    expect(after.participants.find((p) => p.id === ALICE)?.lid).not.toBe(lid);
  });

  it("shows the invite link only to admins, and a group to every instance that is a member", async () => {
    const { emulator, api, fetch } = setup();
    emulator.addInstance({
      idInstance: "1101000002",
      apiTokenInstance: "other-token",
      phone: 79001234570,
    });
    const other = clientOf(emulator, {
      idInstance: "1101000002",
      apiTokenInstance: "other-token",
      fetch,
    });
    const { chatId, groupInviteLink } = await api.createGroup({
      groupName: "Shared",
      chatIds: ["79001234570@c.us"],
    });
    const groupId = chatId as string;
    expect((await other.getGroupData({ groupId })).groupInviteLink).toBe("");
    await api.setGroupAdmin({ groupId, participantChatId: "79001234570@c.us" });
    expect((await other.getGroupData({ groupId })).groupInviteLink).toBe(groupInviteLink);
  });

  it("gives setGroupAdmin's documented error texts", async () => {
    const { api } = setup();
    const groupId = (await api.createGroup({ groupName: "Admins", chatIds: [ALICE] }))
      .chatId as string;
    expect(await api.setGroupAdmin({ groupId, participantChatId: BOB })).toEqual({
      setGroupAdmin: false,
      error: "participant not found",
    });
    expect(
      await api.setGroupAdmin({ groupId: "120363000000000001@g.us", participantChatId: ALICE }),
    ).toEqual({ setGroupAdmin: false, error: "failed to set group admin" });
  });

  it("never demotes or removes the super admin", async () => {
    const { api } = setup();
    const created = await api.createGroup({ groupName: "Owner", chatIds: [ALICE] });
    const groupId = created.chatId as string;
    const { owner } = await api.getGroupData({ groupId });
    expect(await api.removeAdmin({ groupId, participantChatId: owner })).toEqual({
      removeAdmin: false,
    });
    expect(await api.removeGroupParticipant({ groupId, participantChatId: owner })).toEqual({
      removeParticipant: false,
    });
    expect(await api.removeGroupParticipant({ groupId, participantChatId: BOB })).toEqual({
      removeParticipant: false,
    });
  });

  it("answers leaveGroup: true to a member that was not an admin", async () => {
    const { emulator, api, fetch } = setup();
    emulator.addInstance({
      idInstance: "1101000002",
      apiTokenInstance: "other-token",
      phone: 79001234570,
    });
    const other = clientOf(emulator, {
      idInstance: "1101000002",
      apiTokenInstance: "other-token",
      fetch,
    });
    const groupId = (await api.createGroup({ groupName: "Leave", chatIds: ["79001234570@c.us"] }))
      .chatId as string;
    expect(await other.leaveGroup({ groupId })).toEqual({ leaveGroup: true });
    const group = emulator.snapshot().groups.find((g) => g.groupId === groupId);
    expect(group?.participants.map((p) => p.id)).not.toContain("79001234570@c.us");
  });

  it("sets a picture from a JPEG and refuses an empty or non-JPEG file with the documented 400s", async () => {
    const { emulator, api } = setup();
    const groupId = (await api.createGroup({ groupName: "Picture", chatIds: [ALICE] }))
      .chatId as string;
    const set = await api.setGroupPicture({
      groupId,
      file: new Blob([JPEG], { type: "image/jpeg" }),
    });
    expect(set.setGroupPicture).toBe(true);
    expect(set.urlAvatar).toMatch(/^https:\/\/\S+\.jpg$/);
    expect(emulator.snapshot().groups[0]?.urlAvatar).toBe(set.urlAvatar);

    const empty = await rejection(
      api.setGroupPicture({ groupId, file: new Blob([], { type: "image/jpeg" }) }),
    );
    expect([empty.status, (empty as { description?: string }).description]).toEqual([
      400,
      "File is empty",
    ]);
    const png = await rejection(
      api.setGroupPicture({ groupId, file: new Blob([PNG], { type: "image/jpeg" }) }),
    );
    expect([png.status, (png as { description?: string }).description]).toEqual([
      400,
      "Unsupported media type",
    ]);
    expect(
      await api.setGroupPicture({
        groupId: "120363000000000001@g.us",
        file: new Blob([JPEG], { type: "image/jpeg" }),
      }),
    ).toEqual({ setGroupPicture: false, urlAvatar: null, reason: "Timed Out" });
  });

  it("changes only the settings given, and only for an admin", async () => {
    const { emulator, api, fetch } = setup();
    emulator.addInstance({
      idInstance: "1101000002",
      apiTokenInstance: "other-token",
      phone: 79001234570,
    });
    const other = clientOf(emulator, {
      idInstance: "1101000002",
      apiTokenInstance: "other-token",
      fetch,
    });
    const groupId = (await api.createGroup({ groupName: "Rules", chatIds: ["79001234570@c.us"] }))
      .chatId as string;
    expect(
      await api.updateGroupSettings({ groupId, allowParticipantsSendMessages: false }),
    ).toMatchObject({ updateGroupSettings: true });
    const data = await api.getGroupData({ groupId });
    expect(data.allowParticipantsSendMessages).toBe(false);
    expect(data.allowParticipantsEditGroupSettings).toBe(true);
    expect(
      (await other.updateGroupSettings({ groupId, allowParticipantsSendMessages: true }))
        .updateGroupSettings,
    ).toBe(false);
    await api.updateGroupSettings({ groupId, allowParticipantsEditGroupSettings: false });
    expect(await other.updateGroupName({ groupId, groupName: "Hijacked" })).toEqual({
      updateGroupName: false,
    });
  });
});

describe("people, instances and magic values", () => {
  it("in strict mode, knows only the people added with addPeople", async () => {
    const { emulator, api } = setup({ strict: true });
    emulator.addPeople([79001234568]);
    // Someone without WhatsApp fails createGroup with the 500 of issues 544 and 748 (issue 23).
    const refused = await rejection(
      api.createGroup({ groupName: "Strict", chatIds: [ALICE, BOB] }),
    );
    expect([refused.kind, refused.status]).toEqual(["server", 500]);
    expect(emulator.snapshot().groups).toEqual([]);
    const { chatId } = await api.createGroup({ groupName: "Strict", chatIds: [ALICE] });
    const groupId = chatId as string;
    expect(await api.addGroupParticipant({ groupId, participantChatId: BOB })).toEqual({
      addParticipant: false,
    });
    emulator.addPeople([BOB]);
    expect(await api.addGroupParticipant({ groupId, participantChatId: BOB })).toEqual({
      addParticipant: true,
    });
  });

  it("answers createGroup's magic names with created: false and the documented 500 rate overlimit", async () => {
    const { emulator, api } = setup();
    expect(await api.createGroup({ groupName: "not created", chatIds: [ALICE] })).toEqual({
      created: false,
    });
    const error = await rejection(
      api.createGroup({ groupName: "rate overlimit", chatIds: [ALICE] }),
    );
    expect([error.kind, error.status, (error as { description?: string }).description]).toEqual([
      "server",
      500,
      "rate overlimit",
    ]);
    expect(emulator.snapshot().groups).toEqual([]);
  });

  it("registers an unknown instance as authorized, and answers 401 to it with another token", async () => {
    const { emulator, api, fetch } = setup();
    await api.createGroup({ groupName: "First", chatIds: [ALICE] });
    expect(emulator.snapshot().instances).toMatchObject([{ idInstance: ID, state: "authorized" }]);
    const intruder = clientOf(emulator, { apiTokenInstance: "not-the-token", fetch });
    const error = await rejection(intruder.createGroup({ groupName: "Mine", chatIds: [ALICE] }));
    expect([error.kind, error.status]).toEqual(["unauthorized", 401]);
    expect(emulator.snapshot().groups).toHaveLength(1);
  });

  it("answers the documented 400s for a starting and a not authorized instance", async () => {
    const { emulator, api } = setup();
    emulator.addInstance({ idInstance: ID, apiTokenInstance: TOKEN, state: "starting" });
    const starting = await rejection(api.createGroup({ groupName: "Wait", chatIds: [ALICE] }));
    expect(starting.kind).toBe("instance-starting");
    emulator.setState(ID, "notAuthorized");
    const notAuthorized = await rejection(api.createGroup({ groupName: "Wait", chatIds: [ALICE] }));
    expect(notAuthorized.kind).toBe("not-authorized");
    emulator.setState(ID, "authorized");
    expect((await api.createGroup({ groupName: "Now", chatIds: [ALICE] })).created).toBe(true);
  });

  it("starts an instance whose id ends in 9001 for five seconds, and keeps one ending in 9002 unauthorized", async () => {
    const emulator = createEmulator({ clock: "manual" });
    const starting = clientOf(emulator, { idInstance: "1101009001" });
    expect(
      (await rejection(starting.leaveGroup({ groupId: "120363000000000001@g.us" }))).kind,
    ).toBe("instance-starting");
    emulator.clock.advance(5000);
    expect(await starting.leaveGroup({ groupId: "120363000000000001@g.us" })).toEqual({
      leaveGroup: false,
    });
    const locked = clientOf(emulator, { idInstance: "1101009002" });
    emulator.clock.advance(60_000);
    expect((await rejection(locked.leaveGroup({ groupId: "120363000000000001@g.us" }))).kind).toBe(
      "not-authorized",
    );
  });
});

describe("limits", () => {
  it("answers 429 past the spec's rate limit, per instance and per method, until the clock moves", async () => {
    const emulator = createEmulator({ clock: "manual" });
    const api = clientOf(emulator);
    const groupId = "120363000000000001@g.us";
    const limit = 10; // x-greenspec-rate-limit of addGroupParticipant, checked below
    const { rateLimits } = await import("@greenspec/client");
    expect(rateLimits.addGroupParticipant).toBe(limit);
    for (let i = 0; i < limit; i++)
      await api.addGroupParticipant({ groupId, participantChatId: ALICE });
    const limited = await rejection(api.addGroupParticipant({ groupId, participantChatId: ALICE }));
    expect([limited.kind, limited.status]).toEqual(["rate-limited", 429]);
    // Another method and another instance have their own budgets.
    expect(await api.removeGroupParticipant({ groupId, participantChatId: ALICE })).toEqual({
      removeParticipant: false,
    });
    const other = clientOf(emulator, { idInstance: "1101000002" });
    expect(await other.addGroupParticipant({ groupId, participantChatId: ALICE })).toEqual({
      addParticipant: false,
    });
    emulator.clock.advance(100);
    expect(await api.addGroupParticipant({ groupId, participantChatId: ALICE })).toEqual({
      addParticipant: false,
    });
    const after = await rejection(api.addGroupParticipant({ groupId, participantChatId: ALICE }));
    expect(after.status).toBe(429);
  });

  it("answers 466 with the documented report once the monthly quota is used, and starts again next month", async () => {
    const { emulator, api } = setup({ quota: 2 });
    const groupId = "120363000000000001@g.us";
    await api.leaveGroup({ groupId });
    await api.leaveGroup({ groupId });
    const error = await rejection(api.leaveGroup({ groupId }));
    expect([error.kind, error.status]).toEqual(["quota-exceeded", 466]);
    expect((error as { quota?: unknown }).quota).toEqual({
      invokeStatus: expect.objectContaining({
        method: "leaveGroup",
        used: 2,
        total: 2,
        status: "QUOTE_EXCEEDED",
      }),
    });
    emulator.clock.advance(31 * 24 * 3600 * 1000);
    expect(await api.leaveGroup({ groupId })).toEqual({ leaveGroup: false });
    expect(emulator.snapshot().instances[0]?.quota).toEqual({ used: 1, total: 2 });
  });
});

describe("faults", () => {
  it("fails the next calls of an operation with a documented status, then behaves again", async () => {
    const { emulator, api } = setup();
    emulator.fail("createGroup", { status: 502, times: 2 });
    for (let i = 0; i < 2; i++) {
      const error = await rejection(api.createGroup({ groupName: "Flaky", chatIds: [ALICE] }));
      expect([error.kind, error.status]).toEqual(["server", 502]);
    }
    expect((await api.createGroup({ groupName: "Flaky", chatIds: [ALICE] })).created).toBe(true);
    expect(emulator.snapshot().groups).toHaveLength(1);
  });

  it("answers a fault's own body when it matches the spec, and refuses one that does not", async () => {
    const { emulator, api } = setup();
    emulator.fail("getGroupData", {
      status: 400,
      body: { code: 400, description: "Instance is deleted" },
    });
    const error = await rejection(api.getGroupData({ groupId: "120363000000000001@g.us" }));
    expect((error as { description?: string }).description).toBe("Instance is deleted");
    expect(() => emulator.fail("getGroupData", { status: 400, body: { code: "x" } })).toThrow(
      EmulatorError,
    );
    expect(() => emulator.fail("getGroupData", { status: 418 })).toThrow(/documents the statuses/);
    expect(() => emulator.fail("noSuchMethod", { status: 500 })).toThrow(EmulatorError);
    expect(() => emulator.fail("getGroupData", { times: 0, status: 500 })).toThrow(/times/);
    expect(() => emulator.fail("getGroupData", {})).toThrow(EmulatorError);
    // None of the refused faults was armed.
    emulator.clock.advance(1000);
    const refused = await rejection(api.getGroupData({ groupId: "120363000000000001@g.us" }));
    expect((refused as { description?: string }).description).toBe("bad request data");
  });

  it("drops the connection on reset, and answers late on delay", async () => {
    const { emulator, api } = setup();
    emulator.fail("leaveGroup", { reset: true });
    const reset = await rejection(api.leaveGroup({ groupId: "120363000000000001@g.us" }));
    expect(reset.kind).toBe("network");
    emulator.fail("leaveGroup", { delay: 300 });
    const late = await rejection(
      api.leaveGroup({ groupId: "120363000000000001@g.us" }, { timeout: 50 }),
    );
    expect(late.kind).toBe("timeout");
  });
});

describe("journal, snapshot and reset", () => {
  it("journals every call with its bodies and never the token", async () => {
    const { emulator, api } = setup();
    await api.createGroup({ groupName: "Journal", chatIds: [ALICE] });
    await post(emulator, `/waInstance${ID}/getGroupData/${TOKEN}`, `{"groupId":"${TOKEN}"}`);
    const journal = emulator.journal;
    expect(journal.map((e) => [e.operation, e.status])).toEqual([
      ["createGroup", 200],
      ["getGroupData", 400],
    ]);
    expect(journal[0]?.request).toEqual({ groupName: "Journal", chatIds: [ALICE] });
    expect(journal[0]?.answer).toMatchObject({ created: true });
    expect(journal[0]?.path).toBe(`/waInstance${ID}/createGroup/***`);
    const text = JSON.stringify([journal, emulator.snapshot()]);
    for (let i = 0; i + 8 <= TOKEN.length; i++) expect(text).not.toContain(TOKEN.slice(i, i + 8));
  });

  it("resets to a fresh emulator with the same seed, and the same seed makes the same ids", async () => {
    const { emulator, api } = setup({ seed: 42 });
    const first = await api.createGroup({ groupName: "Seeded", chatIds: [ALICE] });
    emulator.reset();
    expect(emulator.snapshot()).toEqual({
      now: MANUAL_CLOCK_START,
      instances: [],
      people: [],
      groups: [],
      messages: [],
    });
    expect(emulator.journal).toEqual([]);
    const again = await api.createGroup({ groupName: "Seeded", chatIds: [ALICE] });
    expect(again).toEqual(first);
  });
});

describe("requests the spec refuses", () => {
  it("answers the spec's 400 to a body the spec refuses, and changes nothing", async () => {
    const emulator = createEmulator({ clock: "manual" });
    const bodies = [
      `{"groupId":"120363000000000001@g.us","participantChatId":"${ALICE}","participantPhone":79001234568}`,
      `{"groupId":"120363000000000001@g.us"}`,
      `{"groupId":"not a group","participantChatId":"${ALICE}"}`,
      `{"groupId":"120363000000000001@g.us","participantPhone":12.5}`,
      `[]`,
    ];
    for (const [i, body] of bodies.entries()) {
      const answer = await post(
        emulator,
        `/waInstance${1000 + i}/addGroupParticipant/${TOKEN}`,
        body,
      );
      // The live service's validation envelope, its path echoed (issue 23).
      expect(answer.status, body).toBe(400);
      expect(answer.body).toEqual({
        statusCode: 400,
        timestamp: new Date(MANUAL_CLOCK_START).toISOString(),
        path: `/waInstance${1000 + i}/addGroupParticipant/${TOKEN}`,
        message: expect.stringMatching(/^Validation failed\. Details: body/),
      });
    }
    expect(emulator.snapshot().groups).toEqual([]);
  });

  it("answers malformed JSON with the documented identifier, and wrong methods and paths with 404", async () => {
    const emulator = createEmulator();
    const malformed = await post(emulator, `/waInstance1/createGroup/${TOKEN}`, `{"groupName":}`);
    expect(malformed.status).toBe(400);
    expect((malformed.body as { description: string }).description).toMatch(
      /^Unexpected token \S+ in JSON at position \d+$/,
    );
    const get = await emulator.fetch(`http://emulator.test/waInstance1/createGroup/${TOKEN}`);
    expect(get.status).toBe(404);
    const unknown = await post(emulator, `/waInstance1/sendPoll/${TOKEN}`, "{}");
    expect(unknown.status).toBe(404);
    expect(unknown.text).not.toContain(TOKEN);
    const letters = await post(emulator, `/waInstanceabc/createGroup/${TOKEN}`, "{}");
    expect(letters.status).toBe(400);
    const badEscape = await post(emulator, `/waInstance1/createGroup/%E0%A4%A`, "{}");
    expect(badEscape.status).toBe(400);
    await post(emulator, `/elsewhere/deeper/${TOKEN}/more`, "{}");
    expect(JSON.stringify(emulator.journal)).not.toContain(TOKEN.slice(0, 8));
  });

  it("takes a Request object, as the global fetch does", async () => {
    const emulator = createEmulator();
    const response = await emulator.fetch(
      new Request(`http://emulator.test/waInstance1/leaveGroup/${TOKEN}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ groupId: "120363000000000001@g.us" }),
      }),
    );
    expect([response.status, await response.json()]).toEqual([200, { leaveGroup: false }]);
  });

  it("refuses bad control arguments with an EmulatorError and changes nothing", () => {
    const emulator = createEmulator();
    expect(() => emulator.addInstance({ idInstance: "12a", apiTokenInstance: "t" })).toThrow(
      EmulatorError,
    );
    expect(() => emulator.addInstance({ idInstance: "12", apiTokenInstance: "" })).toThrow(
      EmulatorError,
    );
    expect(() =>
      emulator.addInstance({ idInstance: "12", apiTokenInstance: "t", state: "asleep" as never }),
    ).toThrow(/state/);
    expect(() => emulator.addPeople([79001234568, "not a phone"])).toThrow(/phones\[1\]/);
    expect(() => emulator.setState("999", "starting")).toThrow(/no instance/);
    expect(() => emulator.clock.advance(-1)).toThrow(TypeError);
    expect(() => createEmulator({ clock: "sundial" as never })).toThrow(EmulatorError);
    expect(emulator.snapshot()).toMatchObject({ instances: [], people: [], groups: [] });
  });
});

describe("the README's example", () => {
  it("creates a group, adds a member after a 429 the client retries, and makes them admin", async () => {
    const { createGreenApi } = await import("@greenspec/client");
    const emulator = createEmulator();
    const api = createGreenApi({
      idInstance: "1101000001",
      apiTokenInstance: "any",
      apiUrl: "http://emulator.test",
      fetch: emulator.fetch,
      retry: { attempts: 3, baseDelay: 10 },
    });
    const { chatId } = await api.createGroup({ groupName: "Team", chatIds: [ALICE] });
    const groupId = chatId as string;
    emulator.fail("addGroupParticipant", { status: 429 });
    expect(await api.addGroupParticipant({ groupId, participantPhone: 79001234569 })).toEqual({
      addParticipant: true,
    });
    await api.setGroupAdmin({ groupId, participantChatId: BOB });
    const members = emulator.snapshot().groups[0]?.participants;
    expect(members?.find((p) => p.id === BOB)?.isAdmin).toBe(true);
    expect(emulator.journal.map((e) => e.status)).toEqual([200, 429, 200, 200]);
  });
});
