// The emulator answers as the live service was recorded answering (issue 23): every recorded 200
// shape is one it gives, and its refusals come in the recorded validation envelope.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index.js";
import { clientOf, JPEG, post, rejection, TOKEN } from "./helpers.js";

const ALICE = "79001234568@c.us";
const BOB = "79001234569@c.us";

interface Item {
  operation: string;
  status: number;
  body: unknown;
  source: string;
  kind: string;
}

const folder = new URL("../../../spec/recordings/", import.meta.url);
const recordings: Item[] = readdirSync(folder)
  .filter((name) => name.endsWith(".json"))
  .flatMap(
    (name) => (JSON.parse(readFileSync(new URL(name, folder), "utf8")) as { items: Item[] }).items,
  );

/** A body's shape: each field with the JSON type of its value, a member's fields one level down. */
function shapeOf(body: unknown): string {
  if (!body || typeof body !== "object") return typeof body;
  const typeOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
  return Object.entries(body as Record<string, unknown>)
    .map(([key, value]) =>
      key === "participants" && Array.isArray(value)
        ? `${key}:[${[...new Set(value.map(shapeOf))].join("|")}]`
        : `${key}:${typeOf(value)}`,
    )
    .sort()
    .join(",");
}

/** Every 200 answer a scripted life of a group gets from the emulator, by operation. */
async function emulatedShapes(): Promise<Map<string, Set<string>>> {
  const emulator = createEmulator({ clock: "manual" });
  const fetch = (input: string, init: RequestInit) => {
    emulator.clock.advance(1000);
    return emulator.fetch(input, init);
  };
  const api = clientOf(emulator, { fetch });
  emulator.addInstance({
    idInstance: "1101000002",
    apiTokenInstance: "other-token",
    phone: 79001234571,
  });
  const other = clientOf(emulator, {
    fetch,
    idInstance: "1101000002",
    apiTokenInstance: "other-token",
  });
  const groupId = (
    await api.createGroup({ groupName: "Shapes", chatIds: [ALICE, "79001234571@c.us"] })
  ).chatId as string;
  await api.getGroupData({ groupId });
  await api.updateGroupName({ groupId, groupName: "Shapes 2" });
  await api.updateGroupSettings({ groupId, allowParticipantsSendMessages: true });
  await api.addGroupParticipant({ groupId, participantChatId: BOB });
  await api.addGroupParticipant({ groupId, participantChatId: BOB });
  await api.setGroupAdmin({ groupId, participantChatId: BOB });
  await api.setGroupAdmin({ groupId, participantChatId: "79001234570@c.us" });
  await api.removeAdmin({ groupId, participantChatId: BOB });
  await api.removeGroupParticipant({ groupId, participantChatId: BOB });
  await api.setGroupPicture({ groupId, file: new Blob([JPEG], { type: "image/jpeg" }) });
  await other.leaveGroup({ groupId });
  await api.leaveGroup({ groupId });
  const shapes = new Map<string, Set<string>>();
  for (const entry of emulator.journal)
    if (entry.status === 200 && entry.operation) {
      const set = shapes.get(entry.operation) ?? new Set<string>();
      set.add(shapeOf(entry.answer));
      shapes.set(entry.operation, set);
    }
  return shapes;
}

// Live answers only (recorded, or pasted by users), not the pages' examples. Issue 435's nulls
// were a bug of the service, fixed in its release 5.44.31.25: the emulator does not copy it.
const live = recordings.filter(
  (item) =>
    item.status === 200 &&
    (item.kind === "recorded" || item.kind === "issue") &&
    !item.source.endsWith("/issues/435"),
);

describe("every recorded 200 shape", () => {
  it("there are live recordings to compare with", () => {
    expect(live.length).toBeGreaterThan(25);
  });

  it("is one the emulator gives in a group's life", async () => {
    const shapes = await emulatedShapes();
    const missing = live
      .filter((item) => !shapes.get(item.operation)?.has(shapeOf(item.body)))
      .map((item) => `${item.operation} ${shapeOf(item.body)} (${item.source})`);
    expect(missing).toEqual([]);
  });
});

describe("as the service answers", () => {
  it("leaveGroup from an admin is {removeAdmin: true} alone", async () => {
    const emulator = createEmulator({ clock: "manual" });
    const api = clientOf(emulator);
    const groupId = (await api.createGroup({ groupName: "Left", chatIds: [ALICE] }))
      .chatId as string;
    expect(await api.leaveGroup({ groupId })).toEqual({ removeAdmin: true });
  });

  it("createGroup naming someone without WhatsApp is a 500 bad-request, and no group is made", async () => {
    const emulator = createEmulator({ clock: "manual" });
    const api = clientOf(emulator);
    const error = await rejection(
      api.createGroup({ groupName: "Team", chatIds: [ALICE, "79001230000@c.us"] }),
    );
    expect([error.kind, error.status, (error as { description?: string }).description]).toEqual([
      "server",
      500,
      "bad-request",
    ]);
    expect(emulator.snapshot().groups).toEqual([]);
  });

  it("refuses a bad body in the recorded envelope, echoing the path; the journal masks the token", async () => {
    const emulator = createEmulator({ clock: "manual" });
    const path = `/waInstance1101000001/addGroupParticipant/${TOKEN}`;
    const answer = await post(emulator, path, `{"groupId":"120363000000000001@g.us"}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ statusCode: 400, path });
    const [entry] = emulator.journal;
    expect(entry?.answer).toMatchObject({ path: "/waInstance1101000001/addGroupParticipant/***" });
    expect(JSON.stringify(emulator.journal)).not.toContain(TOKEN);
  });
});
