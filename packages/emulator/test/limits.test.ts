// What one emulator holds is bounded (instances, groups, members), each limit answered as the
// service answers when it cannot do more; and re-adding an instance keeps it whole.
import { describe, expect, it } from "vitest";
import { Inbox } from "../src/inbox.js";
import { createEmulator } from "../src/index.js";
import {
  MAX_GROUP_MEMBERS,
  MAX_GROUPS,
  MAX_INSTANCES,
  MAX_INVITED_PEOPLE,
  MAX_MESSAGES,
  MESSAGES_BUDGET_BYTES,
} from "../src/limits.js";
import { clientOf, ID, post, TOKEN } from "./helpers.js";

const people = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => `7900${String(from + i).padStart(7, "0")}@c.us`);

function paced() {
  const emulator = createEmulator({ clock: "manual" });
  const fetch = (input: string, init: RequestInit) => {
    emulator.clock.advance(60_000);
    return emulator.fetch(input, init);
  };
  return { emulator, api: clientOf(emulator, { fetch }) };
}

describe("limits", () => {
  it(`answers an unknown instance past ${MAX_INSTANCES} as a wrong token, and addInstance throws`, async () => {
    const emulator = createEmulator({ clock: "manual" });
    for (let i = 0; i < MAX_INSTANCES; i++) {
      const { status } = await post(
        emulator,
        `/waInstance${2_000_000 + i}/getGroupData/${TOKEN}`,
        "{}",
      );
      expect(status).toBe(400);
    }
    const past = await post(emulator, `/waInstance3000000/getGroupData/${TOKEN}`, "{}");
    expect(past.status).toBe(401);
    expect(() => emulator.addInstance({ idInstance: "3000001", apiTokenInstance: TOKEN })).toThrow(
      /at most/,
    );
    expect(emulator.snapshot().instances).toHaveLength(MAX_INSTANCES);
  });

  it(`answers created: false past ${MAX_GROUPS} groups`, async () => {
    const { emulator, api } = paced();
    for (let i = 0; i < MAX_GROUPS; i++)
      expect((await api.createGroup({ groupName: `g${i}`, chatIds: people(1, 1) })).created).toBe(
        true,
      );
    expect((await api.createGroup({ groupName: "one more", chatIds: people(1, 1) })).created).toBe(
      false,
    );
    expect(emulator.snapshot().groups).toHaveLength(MAX_GROUPS);
  });

  it(`keeps a group at ${MAX_GROUP_MEMBERS} members: one more is not added`, async () => {
    const { emulator, api } = paced();
    const { chatId } = await api.createGroup({ groupName: "full", chatIds: people(1023, 1) });
    const groupId = chatId as string;
    expect(emulator.snapshot().groups[0]?.participants).toHaveLength(MAX_GROUP_MEMBERS);
    const [extra] = people(1, 5000);
    expect(await api.addGroupParticipant({ groupId, participantChatId: extra as string })).toEqual({
      addParticipant: false,
    });
  });
});

describe("re-adding an instance", () => {
  it("keeps its phone, so its groups still name it as their owner", async () => {
    const { emulator, api } = paced();
    emulator.addInstance({ idInstance: ID, apiTokenInstance: TOKEN });
    const phone = emulator.snapshot().instances[0]?.phone;
    await api.createGroup({ groupName: "kept", chatIds: people(1, 1) });
    emulator.addInstance({ idInstance: ID, apiTokenInstance: TOKEN, state: "authorized" });
    const after = emulator.snapshot();
    expect(after.instances[0]?.phone).toBe(phone);
    expect(after.groups[0]?.owner).toBe(after.instances[0]?.chatId);
  });
});

describe("the inbox", () => {
  it(`keeps at most ${MAX_MESSAGES} sent messages and about ${MESSAGES_BUDGET_BYTES} bytes of them, the oldest let go`, () => {
    const inbox = new Inbox();
    const send = (i: number, message: string) =>
      inbox.record({
        idMessage: `m${i}`,
        idInstance: ID,
        chatId: "79001234568@c.us",
        message,
        at: i,
        delivered: true,
      });
    for (let i = 0; i < MAX_MESSAGES + 5; i++) send(i, "hi");
    expect(inbox.messages).toHaveLength(MAX_MESSAGES);
    expect(inbox.messages[0]?.idMessage).toBe("m5");
    // 20,000 characters each (the spec's longest text): the byte budget binds long before the count.
    const long = "x".repeat(20_000);
    for (let i = 0; i < 1_000; i++) send(i, long);
    const kept = inbox.messages.reduce((sum, m) => sum + 2 * m.message.length, 0);
    expect(kept).toBeLessThanOrEqual(MESSAGES_BUDGET_BYTES);
    expect(inbox.messages.length).toBeGreaterThan(100);
    expect(inbox.messages.at(-1)?.idMessage).toBe("m999");
  });

  it(`remembers invite links for at most ${MAX_INVITED_PEOPLE} people, the longest unwritten-to let go`, () => {
    const inbox = new Inbox();
    const link = "https://chat.whatsapp.com/abc";
    const groups = [{ inviteLink: link }];
    const person = (i: number) => `7${String(i).padStart(10, "0")}@c.us`;
    for (let i = 0; i <= MAX_INVITED_PEOPLE; i++)
      inbox.record({
        idMessage: `m${i}`,
        idInstance: ID,
        chatId: person(i),
        message: `Join: ${link}`,
        at: i,
        delivered: true,
      });
    expect(inbox.invitedTo(person(0), groups)).toEqual([]);
    expect(inbox.invitedTo(person(1), groups)).toEqual(groups);
    expect(inbox.invitedTo(person(MAX_INVITED_PEOPLE), groups)).toEqual(groups);
  });
});
