// What one emulator holds is bounded (instances, groups, members), each limit answered as the
// service answers when it cannot do more; and re-adding an instance keeps it whole.
import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index.js";
import { MAX_GROUP_MEMBERS, MAX_GROUPS, MAX_INSTANCES } from "../src/limits.js";
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
