// The client against the emulator: every request example of the spec (on a live group), every
// documented error answer (armed as a fault) read back as the client's error kind, and the bulk
// add with and without pacing on the real clock.

import { type GreenApiErrorKind, rateLimits } from "@greenspec/client";
import { model } from "@greenspec/spec/model";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index.js";
import { clientOf, JPEG, rejection } from "./helpers.js";
import { answerProblem } from "./referee.js";

type Call = (body: unknown, options?: object) => Promise<unknown>;
const methodOf = (api: object, id: string) => ((api as Record<string, Call>)[id] as Call).bind(api);

// What each documented error answer must become in the client (as in the client's own contract test).
const KIND_BY_STATUS: Record<string, GreenApiErrorKind> = {
  "400": "bad-request",
  "401": "unauthorized",
  "403": "forbidden",
  "404": "not-found",
  "429": "rate-limited",
  "466": "quota-exceeded",
  "500": "server",
  "502": "server",
};
const KIND_BY_EXAMPLE: Record<string, GreenApiErrorKind> = {
  instanceStarting: "instance-starting",
  notAuthorized: "not-authorized",
  instanceStartingOrNotAuthorized: "not-authorized",
};

const OTHER = "79001234599@c.us";

/**
 * An emulator on a manual clock (moved before each call), a client on it, and a live group set
 * up so that the example's action can succeed: the person it names is a member (an admin, for
 * removeAdmin), except for addGroupParticipant, which needs them not to be one yet.
 */
async function withGroup(operationId: string, example: Record<string, unknown> | undefined) {
  const emulator = createEmulator({ clock: "manual" });
  const fetch = (input: string, init: RequestInit) => {
    emulator.clock.advance(1000);
    return emulator.fetch(input, init);
  };
  const api = clientOf(emulator, { fetch });
  const person =
    (example?.participantChatId as string | undefined) ??
    (example?.participantPhone === undefined ? undefined : `${example.participantPhone}@c.us`);
  const chatIds = person && operationId !== "addGroupParticipant" ? [person, OTHER] : [OTHER];
  const { chatId } = await api.createGroup({ groupName: "Contract", chatIds });
  const groupId = chatId as string;
  if (person && operationId === "removeAdmin")
    await api.setGroupAdmin({ groupId, participantChatId: person });
  // An operation without a body (a GET) is called with none.
  if (example === undefined) return { emulator, api, body: undefined as never };
  const body: Record<string, unknown> = { ...example };
  if ("groupId" in body) body.groupId = groupId;
  // A message to a group goes to the live one.
  if (typeof body.chatId === "string" && body.chatId.endsWith("@g.us")) body.chatId = groupId;
  return { emulator, api, body: body as Record<string, unknown> };
}

for (const operation of model.operations) {
  const request = operation.request;
  describe(`${operation.id} through the client against the emulator`, () => {
    for (const example of request?.examples ?? []) {
      it(`answers the request example ${example.name} (on a live group) with a documented 200`, async () => {
        const { api, body } = await withGroup(
          operation.id,
          example.value as Record<string, unknown>,
        );
        for (const file of request?.files ?? [])
          body[file.name] = new Blob([JPEG], { type: file.mediaType });
        const answer = await methodOf(api, operation.id)(body);
        expect(answerProblem(operation.id, 200, answer)).toBeUndefined();
        // On a live group the instance owns, every documented action succeeds.
        const outcome = Object.values(answer as object).find((v) => typeof v === "boolean");
        // getGroupData and sendMessage answer no boolean (sendMessage an idMessage).
        if (operation.id !== "getGroupData" && operation.id !== "sendMessage")
          expect(outcome, JSON.stringify(answer)).toBe(true);
      });
    }

    for (const answer of operation.answers) {
      if (answer.status === "200" || answer.mediaType !== "application/json") continue;
      for (const example of answer.examples) {
        const kind =
          (answer.status === "400" && KIND_BY_EXAMPLE[example.name]) ||
          KIND_BY_STATUS[answer.status];
        it(`rejects with kind ${kind} on the ${answer.status} example ${example.name} armed as a fault`, async () => {
          const first = request?.examples[0]?.value as Record<string, unknown>;
          const { emulator, api, body } = await withGroup(operation.id, first);
          const status = Number(answer.status);
          emulator.fail(operation.id, { status, body: example.value });
          for (const file of request?.files ?? [])
            body[file.name] = new Blob([JPEG], { type: file.mediaType });
          const error = await rejection(methodOf(api, operation.id)(body));
          expect([error.kind, error.status, error.operation]).toEqual([kind, status, operation.id]);
        });
      }
    }
  });
}

describe("the client's bulk add against the emulator (real clock)", () => {
  const people = Array.from({ length: 100 }, (_, i) => ({
    participantChatId: `7900200${1000 + i}@c.us`,
  }));

  it("adds 100 people with pacing on and gets no 429", async () => {
    const emulator = createEmulator();
    const api = clientOf(emulator, { pacing: true, retry: { attempts: 3 } });
    const { chatId } = await api.createGroup({ groupName: "Bulk", chatIds: ["79001234568@c.us"] });
    const { counts } = await api.addGroupParticipants({
      groupId: chatId as string,
      participants: people,
    });
    expect(counts).toEqual({ added: 100, notAdded: 0, failed: 0, duplicates: 0, notAttempted: 0 });
    const adds = emulator.journal.filter((e) => e.operation === "addGroupParticipant");
    expect(adds.filter((e) => e.status === 429)).toEqual([]);
    expect(adds).toHaveLength(100);
    expect(emulator.snapshot().groups[0]?.participants).toHaveLength(102);
  }, 60_000);

  it("adds 100 people at once with pacing off: 429s come back and the retries still add everyone", async () => {
    const emulator = createEmulator();
    const api = clientOf(emulator, {
      retry: { attempts: 40, baseDelay: 100, maxDelay: 1500, deadline: 50_000 },
    });
    const { chatId } = await api.createGroup({ groupName: "Burst", chatIds: ["79001234568@c.us"] });
    const groupId = chatId as string;
    const answers = await Promise.all(
      people.map((person) => api.addGroupParticipant({ groupId, ...person })),
    );
    expect(answers.every((a) => a.addParticipant)).toBe(true);
    const statuses = emulator.journal
      .filter((e) => e.operation === "addGroupParticipant")
      .map((e) => e.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(100);
    // The spec's limit for the method lets only that many through in the first second.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(
      100 - (rateLimits.addGroupParticipant ?? 100),
    );
    expect(emulator.snapshot().groups[0]?.participants).toHaveLength(102);
  }, 60_000);
});
