// The list of a group job, checked before anything is sent: each person by the spec's own
// validator of addGroupParticipant, the invite template, repeats found (one person, by chat id or
// by phone, is one person).
import { GreenApiError } from "../errors.js";
import { operations } from "../generated/operations.js";
import { plainCopy } from "../plain.js";
import type { RequestBody } from "../types.js";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** One person: a chat id (`participantChatId`) or a phone (`participantPhone`). */
export type Person = DistributiveOmit<RequestBody<"addGroupParticipant">, "groupId">;

export interface GroupJobInput {
  groupId: RequestBody<"addGroupParticipant">["groupId"];
  people: readonly Person[];
  /** Invite whoever cannot be added: one message each, with the group's invite link. */
  invite?: { message: (link: string) => string };
}

export interface CheckedPerson {
  /** What addGroupParticipant takes, the group included. */
  body: RequestBody<"addGroupParticipant">;
  /** The chat id a message and a membership go by. */
  chatId: string;
  /** The number to check for WhatsApp; undefined for a hidden-number (@lid) id. */
  phone: number | undefined;
  /** The index of the same person earlier in the list. */
  duplicateOf: number | undefined;
}

/** A link no real group has: the template must put it in the message. */
const PROBE_LINK = "https://chat.whatsapp.com/GreenspecProbeLink0000";

export function validation(field: string, rule: string): GreenApiError {
  return new GreenApiError(`addGroupParticipant: ${field} ${rule}`, {
    kind: "validation",
    field,
    rule,
    operation: "addGroupParticipant",
    attempts: 0,
  });
}

/** A journal that cannot be used: a validation error on the field `journal`. */
export function journalError(rule: string): GreenApiError {
  return validation("journal", rule);
}

/** The list, checked whole: a bad entry, an empty list or a bad template throws before any call. */
export function checkPeople(input: GroupJobInput): {
  groupId: string;
  people: CheckedPerson[];
  invite: GroupJobInput["invite"];
} {
  const given = plainCopy({ groupId: input?.groupId, people: input?.people }) as {
    groupId: unknown;
    people: unknown;
  };
  const invite = input?.invite;
  if (invite !== undefined) {
    if (typeof invite?.message !== "function")
      throw validation("invite.message", "must be a function of the link");
    const text = invite.message(PROBE_LINK);
    if (typeof text !== "string" || !text.includes(PROBE_LINK))
      throw validation("invite.message", "must return a text that holds the link");
  }
  if (!Array.isArray(given.people) || given.people.length === 0)
    throw validation("people", "must be a non-empty list");
  const [phoneField, chatIdField] = operations.addGroupParticipant.phoneAlias;
  const seen = new Map<string, number>();
  const people = given.people.map((entry, i): CheckedPerson => {
    const body = { ...(entry as object), groupId: given.groupId } as Record<string, unknown>;
    const wrong = operations.addGroupParticipant.body(body);
    if (wrong) throw validation(wrong.field === "groupId" ? "groupId" : `people[${i}]`, wrong.rule);
    const phone = body[phoneField] as number | undefined;
    const chatId = phone === undefined ? String(body[chatIdField]) : `${phone}@c.us`;
    const digits = /^(\d+)@c\.us$/.exec(chatId)?.[1];
    const duplicateOf = seen.get(chatId);
    if (duplicateOf === undefined) seen.set(chatId, i);
    return {
      body: body as RequestBody<"addGroupParticipant">,
      chatId,
      phone: digits === undefined ? undefined : Number(digits),
      duplicateOf,
    };
  });
  return { groupId: given.groupId as string, people, invite };
}
