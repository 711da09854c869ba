// What the official JS SDK does with the inputs its signature invites, against the emulator: the
// request it really sends, the emulator's verdict, and that a refused call changes nothing.
import { type EmulatorServer, startEmulator } from "@greenspec/emulator";
import { afterAll, beforeAll, expect, it } from "vitest";
import { officialClient } from "../src/official-sdk.js";

const ID = "1101000004";
const TOKEN = "pitfalls-t0ken-kept-secret";
const A = "79001234568@c.us";
const B_PHONE = 79001234569;
const B = `${B_PHONE}@c.us`;

let server: EmulatorServer;
let groupId: string;
const api = () => officialClient(server.url, ID, TOKEN);
const member = (id: string) =>
  server.emulator.snapshot().groups[0]?.participants.find((p) => p.id === id);

beforeAll(async () => {
  server = await startEmulator({ clock: "manual" });
  ({ chatId: groupId } = await api().group.createGroup("Pitfalls", [A]));
});
afterAll(() => server.close());

it("adds the phone's chat id when given both a chat id and a phone (the phone wins)", async () => {
  server.emulator.clock.advance(1000);
  const phone = B_PHONE as unknown as string;
  expect(await api().group.addGroupParticipant(groupId, A, phone)).toEqual({
    addParticipant: true,
  });
  expect(server.emulator.journal.at(-1)?.request).toEqual({ groupId, participantChatId: B });
  expect(member(B)).toBeDefined();
});

it("sends setGroupAdmin by phone alone as participantChatId: null; refused 400, nobody made admin", async () => {
  server.emulator.clock.advance(1000);
  const refused = api().group.setGroupAdmin(groupId, null, B_PHONE);
  await expect(refused).rejects.toMatchObject({ response: { status: 400 } });
  expect(server.emulator.journal.at(-1)?.request).toEqual({ groupId, participantChatId: null });
  expect(member(B)?.isAdmin).toBe(false);
});

it("puts the token in its error (config.url), which console.log(error) prints", async () => {
  server.emulator.clock.advance(1000);
  const error = await api()
    .group.removeAdmin(groupId, null, B_PHONE)
    .catch((e: unknown) => e);
  expect(String((error as { config?: { url?: string } }).config?.url)).toContain(TOKEN);
  // The emulator's own record of the same call keeps it masked.
  expect(JSON.stringify(server.emulator.journal)).not.toContain(TOKEN.slice(0, 8));
});
