// The official JS SDK's group flow through the mock's validation proxy (the real Prism, checking
// every request and answer against the spec) in front of the emulator: its requests pass.
import { type EmulatorServer, startEmulator } from "@greenspec/emulator";
import { type Mock, startMock } from "@greenspec/mock";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { withJpegFile } from "../src/jpeg.js";
import { officialClient } from "../src/official-sdk.js";

const ID = "1101000003";
const TOKEN = "through-mock-t0ken";
const A = "79001234568@c.us";
const B = "79001234569@c.us";
const C_PHONE = 79001234570;

let emulator: EmulatorServer;
let mock: Mock;

beforeAll(async () => {
  emulator = await startEmulator({ clock: "manual" });
  mock = await startMock({ proxy: emulator.url });
});
afterAll(async () => {
  await mock?.close();
  await emulator?.close();
});

/** Runs `call` one second after the previous one (clear of rate limits) and counts it. */
let sent = 0;
async function step<T>(call: () => Promise<T>): Promise<T> {
  emulator.emulator.clock.advance(1000);
  sent++;
  return call();
}

// The proxy checks an exchange after passing its answer on: wait for the last check.
async function checked(): Promise<void> {
  await vi.waitFor(() => expect(mock.checked).toBe(sent), { timeout: 20_000, interval: 20 });
}

it("passes every request of the SDK's flow through Prism's validation, and the emulator carries it out", async () => {
  const api = officialClient(mock.url, ID, TOKEN);
  const { chatId: groupId } = await step(() => api.group.createGroup("Through the mock", [A]));
  await step(() => api.group.addGroupParticipant(groupId, B, null));
  await step(() => api.group.addGroupParticipant(groupId, null, C_PHONE as unknown as string));
  const data = await step(() => api.group.getGroupData(groupId));
  expect(data.participants.map((p) => p.id)).toEqual(
    expect.arrayContaining([A, B, `${C_PHONE}@c.us`]),
  );
  await step(() => api.group.setGroupAdmin(groupId, B));
  await step(() => api.group.removeAdmin(groupId, B));
  await step(() => api.group.updateGroupName(groupId, "Renamed through the mock"));
  await step(() => api.group.removeGroupParticipant(groupId, A, null));
  await step(() => withJpegFile((path) => api.group.setGroupPicture(groupId, path)));
  await step(() => api.group.leaveGroup(groupId));
  await checked();

  expect(mock.violations.filter((v) => v.direction === "request")).toEqual([]);
  const group = emulator.emulator.snapshot().groups.find((g) => g.groupId === groupId);
  expect(group?.subject).toBe("Renamed through the mock");
  expect(group?.urlAvatar).toEqual(expect.any(String));
  expect(group?.participants.map((p) => p.id).sort()).toEqual([B, `${C_PHONE}@c.us`].sort());
  expect(emulator.emulator.journal.every((c) => c.status === 200)).toBe(true);
  expect(JSON.stringify(mock.violations)).not.toContain(TOKEN.slice(0, 8));
});

it("reports the SDK's phone-only setGroupAdmin (participantChatId: null) as a request violation", async () => {
  const api = officialClient(mock.url, ID, TOKEN);
  const before = mock.violations.length;
  const groupId = "120363043968066561@g.us";
  await expect(step(() => api.group.setGroupAdmin(groupId, null, C_PHONE))).rejects.toMatchObject({
    response: { status: 400 },
  });
  await checked();
  const found = mock.violations.slice(before);
  expect(found.length).toBeGreaterThan(0);
  for (const violation of found)
    expect(violation).toMatchObject({ operation: "setGroupAdmin", direction: "request" });
  expect(found.map((v) => v.message).join("\n")).toContain("participantChatId must be string");
});
