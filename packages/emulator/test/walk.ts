// A seeded random walk over every operation: valid and invalid bodies, several instances and
// groups per worker, wrong tokens, instance states, faults, a quota and the rate limits (the
// manual clock moves a random amount between calls). After every call it checks the answer
// against the spec, the call's effect, and the invariants of the whole state.

import type { Emulator, Snapshot } from "../src/index.js";
import { createRandom, type Random } from "../src/random.js";
import { JPEG, PNG } from "./helpers.js";
import {
  answerProblem,
  isMultipart,
  memberIdPatterns,
  operationIds,
  pathOf,
  requestAccepted,
  statusesOf,
} from "./referee.js";

/** Prism as a validation proxy in front of the emulator: what it reported, and how far it got. */
export interface ProxyReferee {
  violations: readonly { operation: string | null; direction: string; message: string }[];
  checked(): number;
}

export interface WalkOptions {
  /** Where the calls go: the emulator itself, or a validating proxy in front of it. */
  url: string;
  /** The emulator behind `url`, driven in-process for its clock, faults and snapshots. */
  emulator: Emulator;
  seed: number;
  calls: number;
  workers: number;
  /** When the calls go through Prism's validation proxy: its reports, checked call by call. */
  proxy?: ProxyReferee;
}

export interface WalkResult {
  calls: number;
  byOperation: Record<string, number>;
  byStatus: Record<string, number>;
  invalidSent: number;
  /** Violations Prism reported, all of them on requests the spec refuses. */
  requestViolations: number;
  failures: string[];
}

/**
 * Lets valid calls run side by side and gives each invalid call the proxy to itself, so every
 * violation Prism reports can be tied to the one call that caused it.
 */
class Gate {
  private readers = 0;
  private writing: Promise<void> | undefined;
  private drained: (() => void) | undefined;

  async shared<T>(fn: () => Promise<T>): Promise<T> {
    while (this.writing) await this.writing;
    this.readers++;
    try {
      return await fn();
    } finally {
      this.readers--;
      if (this.readers === 0) this.drained?.();
    }
  }

  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    while (this.writing) await this.writing;
    let release = () => {};
    this.writing = new Promise<void>((resolve) => {
      release = resolve;
    });
    if (this.readers > 0)
      await new Promise<void>((resolve) => {
        this.drained = resolve;
      });
    this.drained = undefined;
    try {
      return await fn();
    } finally {
      this.writing = undefined;
      release();
    }
  }
}

/** Waits (bounded) until the proxy has checked `count` exchanges. */
async function checkedUpTo(proxy: ProxyReferee, count: number): Promise<boolean> {
  const deadline = Date.now() + 15_000;
  while (proxy.checked() < count) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return true;
}

interface Instance {
  id: string;
  token: string;
  chatId: string;
}

const DIGITS = "0123456789";
const MAX_FAILURES = 20;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random.next() * items.length)] as T;
}

function weighted<T>(random: Random, entries: readonly [T, number][]): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let roll = random.next() * total;
  for (const [value, w] of entries) {
    roll -= w;
    if (roll < 0) return value;
  }
  return (entries.at(-1) as [T, number])[0];
}

/** Invariants every state must keep, whatever the calls were. */
export function invariantProblems(snapshot: Snapshot): string[] {
  const problems: string[] = [];
  for (const group of snapshot.groups) {
    const ids = group.participants.map((p) => p.id);
    if (new Set(ids).size !== ids.length) problems.push(`${group.groupId}: a member listed twice`);
    const supers = group.participants.filter((p) => p.isSuperAdmin);
    if (supers.length > 1) problems.push(`${group.groupId}: ${supers.length} super admins`);
    if (supers.some((p) => p.id !== group.owner))
      problems.push(`${group.groupId}: a super admin who is not the owner`);
    if (supers.some((p) => !p.isAdmin)) problems.push(`${group.groupId}: a super admin not admin`);
    if (ids.length === 0) problems.push(`${group.groupId}: a group with no members kept`);
    if (ids.length > 0 && !group.participants.some((p) => p.isAdmin))
      problems.push(`${group.groupId}: no admin left`);
    for (const id of ids)
      if (!memberIdPatterns.some((pattern) => pattern.test(id)))
        problems.push(`${group.groupId}: member id ${id} is not a participant id`);
    if (group.creation < 0 || group.subjectTime < group.creation)
      problems.push(`${group.groupId}: times out of order`);
  }
  for (const instance of snapshot.instances) {
    if (instance.quota && (instance.quota.used < 0 || instance.quota.used > instance.quota.total))
      problems.push(`${instance.idInstance}: quota count ${instance.quota.used}`);
  }
  return problems;
}

/** Breaks a valid JSON body in one of the ways careless callers do. */
export function spoil(random: Random, body: Record<string, unknown>): unknown {
  const keys = Object.keys(body);
  const mutation = Math.floor(random.next() * 9);
  const copy = { ...body };
  switch (mutation) {
    case 0:
      delete copy[pick(random, keys)];
      return copy;
    case 1:
      return { ...copy, unexpected: true };
    case 2:
      return { ...copy, groupId: pick(random, ["12345@g.us", "79001234567@c.us", 42, "", null]) };
    case 3:
      return { ...copy, [pick(random, keys)]: pick(random, [null, [], {}, 1.5, "x".repeat(101)]) };
    case 4:
      return pick(random, [[], "text", 7, null]);
    case 5:
      return { ...copy, participantChatId: "79001234568@c.us", participantPhone: 79001234568 };
    case 6:
      return {
        ...copy,
        participantPhone: pick(random, [12.5, -1, 999_999, 2 ** 53 + 2, "79001234568"]),
      };
    case 7:
      return {
        ...copy,
        chatIds: pick(random, [[], ["79001234568@c.us", "79001234568@c.us"], ["abc"]]),
      };
    default:
      return { ...copy, groupName: pick(random, ["", "   ", "x".repeat(101)]) };
  }
}

export async function walk(options: WalkOptions): Promise<WalkResult> {
  const { emulator } = options;
  const result: WalkResult = {
    calls: 0,
    byOperation: {},
    byStatus: {},
    invalidSent: 0,
    requestViolations: 0,
    failures: [],
  };
  const gate = new Gate();
  const { proxy } = options;
  let exchanged = 0;
  const fail = (text: string) => {
    if (result.failures.length < MAX_FAILURES) result.failures.push(text);
  };
  const master = createRandom(options.seed);
  let issued = 0;

  const worker = async (w: number) => {
    const random = createRandom(Math.floor(master.next() * 2 ** 31) + w);
    const instances: Instance[] = [];
    for (let k = 0; k < 3; k++) {
      const id = `${3_000_000 + w * 10 + k}`;
      const phone = `79${w}${k}${random.string(7, DIGITS)}`;
      const token = `walk-token-${w}-${k}-${random.string(6, DIGITS)}`;
      // The third instance of every worker is on the developer plan's quota.
      emulator.addInstance({
        idInstance: id,
        apiTokenInstance: token,
        phone,
        ...(k === 2 ? { quota: 400 } : {}),
      });
      instances.push({ id, token, chatId: `${phone}@c.us` });
    }
    // People only this worker uses (its prefix), so workers never touch each other's groups.
    const people = [
      ...Array.from({ length: 8 }, () => `78${w}${random.string(8, DIGITS)}@c.us`),
      `78${w}0120000@c.us`, // the magic suffix: no WhatsApp
      ...instances.map((i) => i.chatId),
    ];
    const groups: string[] = [];
    // Workers never touch each other's groups, so this worker's last view is its "before".
    let before = emulator.snapshot();

    while (issued < options.calls && result.failures.length < MAX_FAILURES) {
      issued++;
      if (random.next() < 0.35) emulator.clock.advance(Math.floor(random.next() * 1200));
      const roll = random.next();
      if (roll < 0.004) {
        const op = pick(random, operationIds);
        const status = pick(
          random,
          statusesOf(op).filter((s) => s !== 200),
        );
        emulator.fail(op, { status, times: 1 + Math.floor(random.next() * 2) });
      } else if (roll < 0.008) {
        emulator.setState(
          pick(random, instances).id,
          pick(random, ["starting", "notAuthorized"] as const),
        );
      } else if (roll < 0.05) {
        for (const i of instances) emulator.setState(i.id, "authorized");
      }

      const instance = pick(random, instances);
      const op = weighted<string>(random, [
        ["createGroup", 8],
        ["getGroupData", 12],
        ["updateGroupName", 6],
        ["updateGroupSettings", 6],
        ["addGroupParticipant", 20],
        ["removeGroupParticipant", 10],
        ["setGroupAdmin", 10],
        ["removeAdmin", 8],
        ["setGroupPicture", 5],
        ["leaveGroup", 5],
        ...operationIds
          .filter(
            (id) =>
              ![
                "createGroup",
                "getGroupData",
                "updateGroupName",
                "updateGroupSettings",
                "addGroupParticipant",
                "removeGroupParticipant",
                "setGroupAdmin",
                "removeAdmin",
                "setGroupPicture",
                "leaveGroup",
              ].includes(id),
          )
          .map((id) => [id, 5] as [string, number]),
      ]);
      const groupId =
        groups.length > 0 && random.next() < 0.93
          ? pick(random, groups)
          : `120363${random.string(12, DIGITS)}@g.us`;
      // Now and then, a member by the hidden-number id the group shows for them.
      const lids = (before.groups.find((g) => g.groupId === groupId)?.participants ?? [])
        .map((p) => p.lid)
        .filter((lid): lid is string => lid !== undefined);
      const person =
        lids.length > 0 && random.next() < 0.1 ? pick(random, lids) : pick(random, people);
      const byPhone = random.next() < 0.3 && person.endsWith("@c.us");
      const ref = byPhone
        ? { groupId, participantPhone: Number(person.slice(0, -5)) }
        : { groupId, participantChatId: person };
      const valid: Record<string, unknown> =
        op === "createGroup"
          ? {
              groupName:
                random.next() < 0.02
                  ? pick(random, ["not created", "rate overlimit"])
                  : `Walk ${random.string(4, DIGITS)}`,
              chatIds: [
                ...new Set(
                  Array.from({ length: 1 + Math.floor(random.next() * 3) }, () =>
                    pick(random, people),
                  ),
                ),
              ].filter((id) => id !== instance.chatId),
            }
          : op === "updateGroupName"
            ? { groupId, groupName: `Renamed ${random.string(3, DIGITS)}` }
            : op === "updateGroupSettings"
              ? {
                  groupId,
                  ...(random.next() < 0.7
                    ? { allowParticipantsSendMessages: random.next() < 0.5 }
                    : {}),
                  allowParticipantsEditGroupSettings: random.next() < 0.7,
                }
              : ["getGroupData", "leaveGroup", "setGroupPicture"].includes(op)
                ? { groupId }
                : op === "checkWhatsapp"
                  ? { phoneNumber: Number(pick(random, people).slice(0, -5)) }
                  : op === "sendMessage"
                    ? {
                        chatId: random.next() < 0.3 ? groupId : person,
                        message: `Hi ${random.string(3, DIGITS)}`,
                      }
                    : ref;
      if (op === "createGroup" && (valid.chatIds as string[]).length === 0)
        valid.chatIds = [people[0] as string];
      const spoilt = random.next() < 0.12;
      const token = random.next() < 0.01 ? `${instance.token}-wrong` : instance.token;
      const url = `${options.url}${pathOf(op, instance.id, token)}`;

      let init: RequestInit;
      let accepted: boolean;
      let documentedRefusal = false;
      if (op === "getStateInstance") {
        // A GET without a body: nothing to spoil.
        accepted = true;
        init = { method: "GET" };
      } else if (isMultipart(op)) {
        const form = new FormData();
        const parts: Record<string, unknown> = {};
        if (!spoilt || random.next() < 0.5) {
          form.set("groupId", groupId);
          parts.groupId = groupId;
        }
        const fileKind = spoilt ? pick(random, ["jpeg", "png", "empty", "none"]) : "jpeg";
        if (fileKind !== "none") {
          const bytes = fileKind === "jpeg" ? JPEG : fileKind === "png" ? PNG : new Uint8Array();
          form.set("file", new Blob([bytes], { type: "image/jpeg" }), "picture.jpg");
          parts.file = "<binary>";
        }
        if (spoilt && random.next() < 0.3) {
          form.set("unexpected", "1");
          parts.unexpected = "1";
        }
        accepted = requestAccepted(op, parts);
        documentedRefusal = accepted && fileKind !== "jpeg";
        init = { method: "POST", body: form };
      } else {
        const body = spoilt ? spoil(random, valid) : valid;
        accepted = requestAccepted(op, body);
        init = {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        };
      }
      if (!accepted) result.invalidSent++;

      let status: number;
      let answer: unknown;
      const exchange = async () => {
        const response = await fetch(url, init);
        const text = await response.text();
        exchanged++;
        try {
          return { status: response.status, answer: JSON.parse(text) as unknown };
        } catch {
          return { status: response.status, answer: text as unknown };
        }
      };
      // Multipart parts the schema does not name: Prism 5.12 takes them (see verdicts.test.ts).
      const prismLets =
        isMultipart(op) &&
        !accepted &&
        init.body instanceof FormData &&
        init.body.has("unexpected");
      try {
        if (!proxy || accepted) ({ status, answer } = await gate.shared(exchange));
        else
          ({ status, answer } = await gate.exclusive(async () => {
            if (!(await checkedUpTo(proxy, exchanged))) fail(`${op}: Prism fell behind`);
            const seen = proxy.violations.length;
            const outcome = await exchange();
            if (!(await checkedUpTo(proxy, exchanged))) fail(`${op}: Prism fell behind`);
            const caused = proxy.violations.slice(seen);
            result.requestViolations += caused.length;
            if (caused.some((v) => v.direction !== "request"))
              fail(`${op}: Prism found the answer wrong: ${JSON.stringify(caused)}`);
            if (caused.length === 0 && !prismLets)
              fail(
                `${op}: Prism took a request the spec refuses: ${String(init.body).slice(0, 200)}`,
              );
            return outcome;
          }));
      } catch (error) {
        fail(`${op}: the call failed: ${String(error)}`);
        continue;
      }
      result.calls++;
      result.byOperation[op] = (result.byOperation[op] ?? 0) + 1;
      result.byStatus[status] = (result.byStatus[status] ?? 0) + 1;
      const at = `call ${result.calls} ${op} ${init.body instanceof FormData ? "(multipart)" : String(init.body).slice(0, 160)} -> ${status} ${JSON.stringify(answer).slice(0, 200)}`;

      const problem = answerProblem(op, status, answer);
      if (problem) fail(`${at}: not a documented answer: ${problem}`);
      const description = (answer as { description?: unknown })?.description;
      const validationRefusal =
        status === 400 && typeof description === "string" && /^Validation failed/.test(description);
      if (!accepted && status === 200) fail(`${at}: a request the spec refuses was carried out`);
      if (accepted && validationRefusal) fail(`${at}: a request the spec accepts was refused`);
      if (documentedRefusal && status === 200) fail(`${at}: an empty or non-JPEG file was taken`);

      const after = emulator.snapshot();
      for (const p of invariantProblems(after)) fail(`${at}: ${p}`);
      const target = (snapshot: Snapshot) =>
        JSON.stringify(snapshot.groups.find((g) => g.groupId === groupId) ?? null);
      if (status !== 200 && target(before) !== target(after))
        fail(`${at}: a refused call changed its group`);
      if (status === 200)
        checkEffect(
          op,
          JSON.parse(
            String(
              init.body instanceof FormData ? JSON.stringify({ groupId }) : (init.body ?? "{}"),
            ),
          ),
          answer,
          instance,
          after,
          groups,
          (t) => fail(`${at}: ${t}`),
        );
      if (groups.length > 12) groups.shift();
      before = after;
    }
  };
  await Promise.all(Array.from({ length: options.workers }, (_, w) => worker(w)));
  if (proxy) {
    // Every violation must be one tied to an invalid call above; anything else is a wrong answer.
    if (!(await checkedUpTo(proxy, exchanged))) fail("Prism never checked every exchange");
    const untied = proxy.violations.length - result.requestViolations;
    if (untied !== 0)
      fail(
        `Prism reported ${untied} violations on valid calls: ${JSON.stringify(proxy.violations.slice(0, 5))}`,
      );
  }
  return result;
}

function checkEffect(
  op: string,
  body: Record<string, unknown>,
  answer: unknown,
  instance: Instance,
  after: Snapshot,
  groups: string[],
  fail: (text: string) => void,
) {
  const outcome = answer as Record<string, unknown>;
  const group = after.groups.find((g) => g.groupId === (outcome.chatId ?? body.groupId));
  const person =
    (body.participantChatId as string | undefined) ??
    (body.participantPhone === undefined ? undefined : `${body.participantPhone}@c.us`);
  const member = (id: string | undefined) =>
    group?.participants.find((p) => p.id === id || (p.lid !== undefined && p.lid === id));
  switch (op) {
    case "createGroup":
      if (outcome.created === true) {
        groups.push(outcome.chatId as string);
        if (member(instance.chatId)?.isSuperAdmin !== true)
          fail("the creator is not the super admin");
      }
      break;
    case "addGroupParticipant":
      if (outcome.addParticipant === true && !member(person))
        fail("an added person is not a member");
      break;
    case "removeGroupParticipant":
      if (outcome.removeParticipant === true && member(person))
        fail("a removed person is still a member");
      break;
    case "setGroupAdmin":
      if (outcome.setGroupAdmin === true && member(person)?.isAdmin !== true)
        fail("a promoted member is not an admin");
      break;
    case "removeAdmin":
      if (outcome.removeAdmin === true && member(person)?.isAdmin !== false)
        fail("a demoted member is still an admin");
      break;
    case "leaveGroup":
      if ((outcome.leaveGroup === true || outcome.removeAdmin === true) && member(instance.chatId))
        fail("the instance is still a member after leaving");
      break;
    case "getGroupData": {
      const listed = (outcome.participants as { id: string }[]).map((p) => p.id).sort();
      const actual = group?.participants.map((p) => p.id).sort();
      if (JSON.stringify(listed) !== JSON.stringify(actual))
        fail("getGroupData does not show the live members");
      break;
    }
  }
}
