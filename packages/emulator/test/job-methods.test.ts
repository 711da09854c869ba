// The three methods a group job needs, against the emulator: the instance's state (a GET without
// a body), a WhatsApp check from its people, and a text message delivered into the chat, counted
// by the Developer plan's chat quota; people who refuse being added and accept an invite.
import { describe, expect, it } from "vitest";
import { createEmulator, EmulatorError } from "../src/index.js";
import { startEmulator } from "../src/server.js";
import { clientOf, ID, rejection, TOKEN } from "./helpers.js";

const ALICE = "79001234568@c.us";
const REFUSER = 79001237777; // the magic suffix: refuses being added
const NO_WHATSAPP = 79001230000;

function setup(options: Parameters<typeof createEmulator>[0] = {}) {
  const emulator = createEmulator({ clock: "manual", ...options });
  const fetch = (input: string, init: RequestInit) => {
    emulator.clock.advance(1000);
    return emulator.fetch(input, init);
  };
  return { emulator, api: clientOf(emulator, { fetch }) };
}

describe("getStateInstance", () => {
  it("answers a GET without a body with the instance's state, in every state", async () => {
    const { emulator, api } = setup();
    expect(await api.getStateInstance()).toEqual({ stateInstance: "authorized" });
    emulator.setState(ID, "notAuthorized");
    expect(await api.getStateInstance()).toEqual({ stateInstance: "notAuthorized" });
    emulator.setState(ID, "starting");
    expect(await api.getStateInstance()).toEqual({ stateInstance: "starting" });
    expect(emulator.journal.at(-1)).toMatchObject({
      operation: "getStateInstance",
      method: "GET",
      status: 200,
      request: null,
    });
  });

  it("answers a POST to it with the spec's 404 (wrong method)", async () => {
    const { emulator } = setup();
    const response = await emulator.fetch(
      `http://emulator.test/waInstance${ID}/getStateInstance/${TOKEN}`,
      { method: "POST", body: "{}" },
    );
    expect(response.status).toBe(404);
  });
});

describe("checkWhatsapp", () => {
  it("says a number has WhatsApp unless it is a magic 0000 number", async () => {
    const { api } = setup();
    expect(await api.checkWhatsapp({ phoneNumber: 79001234568 })).toEqual({
      existsWhatsapp: true,
    });
    expect(await api.checkWhatsapp({ phoneNumber: NO_WHATSAPP })).toEqual({
      existsWhatsapp: false,
    });
  });

  it("in strict mode knows only the people added", async () => {
    const { emulator, api } = setup({ strict: true });
    expect(await api.checkWhatsapp({ phoneNumber: 79001234568 })).toEqual({
      existsWhatsapp: false,
    });
    emulator.addPeople([79001234568]);
    expect(await api.checkWhatsapp({ phoneNumber: 79001234568 })).toEqual({
      existsWhatsapp: true,
    });
  });
});

describe("sendMessage", () => {
  it("delivers a text into snapshot().messages and the journal, with a fresh idMessage", async () => {
    const { emulator, api } = setup();
    const { idMessage } = await api.sendMessage({ chatId: ALICE, message: "Hello" });
    expect(idMessage).toMatch(/^[0-9A-F]{20}$/);
    expect(emulator.snapshot().messages).toEqual([
      {
        idMessage,
        idInstance: ID,
        chatId: ALICE,
        message: "Hello",
        at: expect.any(Number),
        delivered: true,
      },
    ]);
    expect(emulator.journal.at(-1)).toMatchObject({
      operation: "sendMessage",
      request: { chatId: ALICE, message: "Hello" },
      answer: { idMessage },
    });
    const second = await api.sendMessage({ chatId: ALICE, message: "Hello" });
    expect(second.idMessage).not.toBe(idMessage);
    expect(emulator.snapshot().messages).toHaveLength(2);
  });

  it("is refused for an unauthorized instance, and nothing is delivered", async () => {
    const { emulator, api } = setup();
    emulator.addInstance({ idInstance: ID, apiTokenInstance: TOKEN, state: "notAuthorized" });
    const error = await rejection(api.sendMessage({ chatId: ALICE, message: "Hello" }));
    expect(error.kind).toBe("not-authorized");
    expect(emulator.snapshot().messages).toEqual([]);
  });

  it("counts distinct chats a month under chatQuota and answers 466 past it", async () => {
    const { emulator, api } = setup({ chatQuota: 2 });
    await api.sendMessage({ chatId: "79001234561@c.us", message: "a" });
    await api.sendMessage({ chatId: "79001234562@c.us", message: "b" });
    // The same chat again is not a new one.
    await api.sendMessage({ chatId: "79001234561@c.us", message: "c" });
    const error = await rejection(api.sendMessage({ chatId: "79001234563@c.us", message: "d" }));
    if (error.kind !== "quota-exceeded") throw error;
    expect(error.status).toBe(466);
    expect(error.quota).toMatchObject({ correspondentsStatus: { used: 2, total: 2 } });
    expect(emulator.snapshot().messages.map((m) => m.message)).toEqual(["a", "b", "c"]);
    // A new month starts a new count.
    emulator.clock.advance(32 * 24 * 3600 * 1000);
    await api.sendMessage({ chatId: "79001234563@c.us", message: "d" });
  });

  it("writes to a group the instance is in, and refuses one it is not in", async () => {
    const { emulator, api } = setup();
    const { chatId } = await api.createGroup({ groupName: "Team", chatIds: [ALICE] });
    await api.sendMessage({ chatId: chatId as string, message: "Hi all" });
    expect(emulator.snapshot().messages.at(-1)).toMatchObject({ chatId, delivered: true });
    const error = await rejection(
      api.sendMessage({ chatId: "120363000000000001@g.us", message: "Hi" }),
    );
    expect(error.kind).toBe("bad-request");
  });
});

describe("people who refuse being added, and invites", () => {
  it("answers addParticipant false for them; acceptInvite joins the groups whose link they were sent", async () => {
    const { emulator, api } = setup();
    emulator.addPeople([79001234570], { refusesAdding: true });
    const { chatId, groupInviteLink } = await api.createGroup({
      groupName: "Team",
      chatIds: [ALICE],
    });
    const groupId = chatId as string;
    for (const phone of [79001234570, REFUSER])
      expect(await api.addGroupParticipant({ groupId, participantPhone: phone })).toEqual({
        addParticipant: false,
      });
    // Not invited yet: accepting joins nothing.
    expect(emulator.acceptInvite(79001234570)).toEqual([]);
    await api.sendMessage({ chatId: "79001234570@c.us", message: `Join: ${groupInviteLink}` });
    expect(emulator.acceptInvite("79001234570@c.us")).toEqual([groupId]);
    expect(emulator.acceptInvite(79001234570)).toEqual([]); // already a member
    const members = emulator.snapshot().groups[0]?.participants.map((p) => p.id);
    expect(members).toContain("79001234570@c.us");
    expect(members).not.toContain(`${REFUSER}@c.us`);
  });

  it("refuses bad arguments with an EmulatorError and changes nothing", () => {
    const emulator = createEmulator();
    expect(() => emulator.addPeople([79001234570], { refusesAdding: "yes" as never })).toThrow(
      EmulatorError,
    );
    expect(() => emulator.acceptInvite("not a person")).toThrow(EmulatorError);
    expect(emulator.snapshot().people).toEqual([]);
  });

  it("offers acceptInvite and refusesAdding over HTTP under /_emulator", async () => {
    const server = await startEmulator({ port: 0 });
    try {
      const control = async (path: string, body: unknown) => {
        const response = await fetch(`${server.url}/_emulator${path}`, {
          method: "POST",
          // Controls take JSON only (a text/plain POST is what a cross-site page can send).
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
        });
        return { status: response.status, body: await response.json() };
      };
      expect(
        (await control("/people", { phones: [79001234570], refusesAdding: true })).status,
      ).toBe(200);
      expect(server.emulator.snapshot().people).toEqual(["79001234570@c.us"]);
      expect(await control("/accept-invite", { person: 79001234570 })).toEqual({
        status: 200,
        body: { joined: [] },
      });
      expect((await control("/accept-invite", { person: "x" })).status).toBe(400);
    } finally {
      await server.close();
    }
  });
});
