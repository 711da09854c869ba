// The official JS SDK, unchanged, runs a whole group flow against the emulator over HTTP; each
// step is checked on the emulator's state, not only on the SDK's answer.
import { type EmulatorServer, startEmulator } from "@greenspec/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withJpegFile } from "../src/jpeg.js";
import { type OfficialApi, officialClient } from "../src/official-sdk.js";

const ID = "1101000001";
const TOKEN = "sdk-flow-token-5ecret";
const A = "79001234568@c.us";
const B = "79001234569@c.us";
const C_PHONE = 79001234570;
const C = `${C_PHONE}@c.us`;

let server: EmulatorServer;
let api: OfficialApi;
let groupId: string;

// A manual clock, moved one second before each call, keeps every call inside its rate limit.
function tick(): void {
  server.emulator.clock.advance(1000);
}

function group() {
  const found = server.emulator.snapshot().groups.find((g) => g.groupId === groupId);
  if (!found) throw new Error(`no group ${groupId} in the emulator`);
  return found;
}

const member = (id: string) => group().participants.find((p) => p.id === id);

beforeAll(async () => {
  server = await startEmulator({ clock: "manual" });
  api = officialClient(server.url, ID, TOKEN);
});
afterAll(() => server.close());

describe("the official JS SDK's group flow against startEmulator()", () => {
  it("creates a group with the listed member, the instance as its super admin", async () => {
    tick();
    const created = await api.group.createGroup("Team", [A]);
    expect(created.created).toBe(true);
    groupId = created.chatId;
    const instance = server.emulator.snapshot().instances.find((i) => i.idInstance === ID);
    expect(group().subject).toBe("Team");
    expect(member(A)).toMatchObject({ isAdmin: false });
    expect(member(instance?.chatId ?? "")).toMatchObject({ isAdmin: true, isSuperAdmin: true });
  });

  it("adds a participant by chat id", async () => {
    tick();
    expect(await api.group.addGroupParticipant(groupId, B, null)).toEqual({
      addParticipant: true,
    });
    expect(member(B)).toMatchObject({ isAdmin: false });
  });

  it("adds a participant by phone (the SDK sends it as <phone>@c.us)", async () => {
    tick();
    // The SDK's .d.ts types the phone as a string; its code demands an integer.
    const phone = C_PHONE as unknown as string;
    expect(await api.group.addGroupParticipant(groupId, null, phone)).toEqual({
      addParticipant: true,
    });
    expect(member(C)).toBeDefined();
  });

  it("reads the group back with every member", async () => {
    tick();
    const data = await api.group.getGroupData(groupId);
    expect(data.groupId).toBe(groupId);
    expect(data.subject).toBe("Team");
    const ids = data.participants.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([A, B, C]));
    expect(ids).toEqual(group().participants.map((p) => p.id));
  });

  it("makes a member an admin, then takes it back", async () => {
    tick();
    expect((await api.group.setGroupAdmin(groupId, B)).setGroupAdmin).toBe(true);
    expect(member(B)?.isAdmin).toBe(true);
    tick();
    expect((await api.group.removeAdmin(groupId, B)).removeAdmin).toBe(true);
    expect(member(B)?.isAdmin).toBe(false);
  });

  it("renames the group", async () => {
    tick();
    expect((await api.group.updateGroupName(groupId, "Team, renamed")).updateGroupName).toBe(true);
    expect(group().subject).toBe("Team, renamed");
  });

  it("removes a participant by chat id and one by phone", async () => {
    tick();
    expect((await api.group.removeGroupParticipant(groupId, A, null)).removeParticipant).toBe(true);
    tick();
    const phone = C_PHONE as unknown as string;
    expect((await api.group.removeGroupParticipant(groupId, null, phone)).removeParticipant).toBe(
      true,
    );
    expect(member(A)).toBeUndefined();
    expect(member(C)).toBeUndefined();
    expect(member(B)).toBeDefined();
  });

  it("sets the group picture from a JPEG file (multipart, as the SDK builds it)", async () => {
    tick();
    const set = await withJpegFile((path) => api.group.setGroupPicture(groupId, path));
    expect(set.setGroupPicture).toBe(true);
    expect(group().urlAvatar).toBe(set.urlAvatar);
    expect(group().urlAvatar).toEqual(expect.any(String));
  });

  it("leaves the group: the instance is no longer a member", async () => {
    const instance = server.emulator.snapshot().instances.find((i) => i.idInstance === ID);
    tick();
    await api.group.leaveGroup(groupId);
    expect(member(instance?.chatId ?? "")).toBeUndefined();
    expect(member(B)).toBeDefined();
  });

  it("answered every call of the flow 200, and the journal never shows the token", () => {
    const calls = server.emulator.journal;
    expect(calls.map((c) => c.operation)).toEqual([
      "createGroup",
      "addGroupParticipant",
      "addGroupParticipant",
      "getGroupData",
      "setGroupAdmin",
      "removeAdmin",
      "updateGroupName",
      "removeGroupParticipant",
      "removeGroupParticipant",
      "setGroupPicture",
      "leaveGroup",
    ]);
    expect(calls.every((c) => c.status === 200)).toBe(true);
    expect(JSON.stringify(calls)).not.toContain(TOKEN.slice(0, 8));
  });
});
