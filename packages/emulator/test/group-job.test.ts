// The group job (@greenspec/client/group-job) against the in-process emulator on a manual clock:
// each person ends in exactly one outcome, calls are only those the mix needs, nobody gets two
// invites, a journal resumes where it stopped, and bad input is refused before any call.
import { addPeopleToGroup, memoryJournal, type Person } from "@greenspec/client/group-job";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index.js";
import { clientOf, ID, rejection, TOKEN } from "./helpers.js";

const invite = { message: (link: string) => `Join us: ${link}` };

/** An emulator whose clock moves 200 ms before each call (so no rate limit trips), a client, a group. */
async function setup() {
  const emulator = createEmulator({ clock: "manual" });
  const fetch = (input: string, init: RequestInit) => {
    emulator.clock.advance(1100);
    return emulator.fetch(input, init);
  };
  const api = clientOf(emulator, { fetch });
  const { chatId } = await api.createGroup({ groupName: "Job", chatIds: ["79001234500@c.us"] });
  return { emulator, api, groupId: chatId as string };
}

const mix: Person[] = [
  { participantPhone: 79001234501 }, // added
  { participantChatId: "79001234500@c.us" }, // already a member
  { participantPhone: 79001237777 }, // refuses being added: invited
  { participantPhone: 79001230000 }, // no WhatsApp
  { participantChatId: "79001234501@c.us" }, // the first person again
];

const callsOf = (emulator: ReturnType<typeof createEmulator>, operation: string) =>
  emulator.journal.filter((entry) => entry.operation === operation).length;

describe("addPeopleToGroup against the emulator", () => {
  it("gives each person exactly one outcome and makes only the calls the mix needs", async () => {
    const { emulator, api, groupId } = await setup();
    const before = emulator.journal.length;
    const { results, counts } = await addPeopleToGroup(
      api,
      { groupId, people: mix, invite },
      { pacing: false },
    );
    expect(results.map((r) => r.outcome)).toEqual([
      "added",
      "already-member",
      "invited",
      "no-whatsapp",
      "duplicate",
    ]);
    expect(counts).toMatchObject({
      added: 1,
      "already-member": 1,
      invited: 1,
      "no-whatsapp": 1,
      duplicate: 1,
    });
    // One state check, one group read, an add each for the three not members, a check each for
    // the two not added, one message.
    expect(emulator.journal.length - before).toBe(1 + 1 + 3 + 2 + 1);
    expect(callsOf(emulator, "sendMessage")).toBe(1);
    const [message] = emulator.snapshot().messages;
    const link = emulator.snapshot().groups[0]?.groupInviteLink;
    expect(message).toMatchObject({ chatId: "79001237777@c.us", message: `Join us: ${link}` });
    expect(emulator.acceptInvite(79001237777)).toEqual([groupId]);
  });

  it("stops before anything is sent when the instance is not authorized", async () => {
    const { emulator, api, groupId } = await setup();
    emulator.setState(ID, "notAuthorized");
    const before = emulator.journal.length;
    const error = await rejection(
      addPeopleToGroup(api, { groupId, people: mix, invite }, { pacing: false }),
    );
    expect(error.kind).toBe("not-authorized");
    expect(error.message).toContain("notAuthorized");
    expect(emulator.journal.slice(before).map((e) => e.operation)).toEqual(["getStateInstance"]);
  });

  it.each([
    ["an empty list", { people: [] }, "people"],
    ["a malformed number", { people: [{ participantPhone: 12 }] }, "people[0]"],
    [
      "a template without the link",
      { people: mix, invite: { message: () => "Join us" } },
      "invite.message",
    ],
  ])("refuses %s with a validation error before any call", async (_name, given, field) => {
    const { emulator, api, groupId } = await setup();
    const before = emulator.journal.length;
    const error = await rejection(
      addPeopleToGroup(api, { groupId, invite, ...(given as object) } as never, { pacing: false }),
    );
    expect([error.kind, (error as { field?: string }).field]).toEqual(["validation", field]);
    expect(emulator.journal.length).toBe(before);
  });

  it("reports an invite whose step began but never ended as invited with outcome unknown, and sends no second one", async () => {
    const { emulator, api, groupId } = await setup();
    const journal = memoryJournal();
    const people: Person[] = [{ participantPhone: 79001237777 }, { participantPhone: 79001234502 }];
    await addPeopleToGroup(api, { groupId, people, invite }, { journal, pacing: false });
    expect(callsOf(emulator, "sendMessage")).toBe(1);
    // As if killed right after the message left: the outcome lines are lost.
    journal.lines.splice(journal.lines.findIndex((l) => l.includes('"outcome":"invited"')));
    const again = await addPeopleToGroup(
      api,
      { groupId, people, invite },
      { journal, pacing: false },
    );
    expect(again.results).toEqual([
      { outcome: "invited", outcomeUnknown: true },
      { outcome: "added" },
    ]);
    expect(callsOf(emulator, "sendMessage")).toBe(1);
    expect(journal.lines.join("\n")).not.toContain(TOKEN);
  });

  it("refuses a journal of another group or another list, or of a newer format", async () => {
    const { api, groupId } = await setup();
    const journal = memoryJournal();
    await addPeopleToGroup(api, { groupId, people: mix.slice(0, 1) }, { journal, pacing: false });
    const other = await rejection(
      addPeopleToGroup(api, { groupId, people: mix.slice(0, 2) }, { journal, pacing: false }),
    );
    expect(other.message).toContain("another list");
    journal.lines[0] = journal.lines[0]?.replace('"version":1', '"version":2') as string;
    const newer = await rejection(
      addPeopleToGroup(api, { groupId, people: mix.slice(0, 1) }, { journal, pacing: false }),
    );
    expect(newer.message).toContain("newer format");
  });
});
