// The bulk add before its first request: the input checked whole, then each entry settled
// locally when it can be (invalid, or a repeat of an earlier person) and the rest made bodies.
import type {
  AddGroupParticipantsInput,
  ParticipantInput,
  ParticipantOutcome,
} from "./bulk-types.js";
import { OPERATION } from "./bulk-types.js";
import { GreenApiError } from "./errors.js";
import { operations } from "./generated/operations.js";
import type { Validator } from "./operation.js";
import { plainCopy } from "./plain.js";
import type { RequestBody } from "./types.js";
import type { Violation } from "./validation.js";

type Redact = (text: string) => string;
type Body = RequestBody<typeof OPERATION>;

export function validationError(field: string, rule: string, redact: Redact): GreenApiError {
  return new GreenApiError(redact(`${OPERATION}: ${field} ${rule}`), {
    kind: "validation",
    field: redact(field),
    rule: redact(rule),
    operation: OPERATION,
    attempts: 0,
  });
}

/**
 * The input as a plain copy, after every check that may stop the whole call: the client's and
 * these options (`failed` so far), the input's form, and the group (which every entry shares).
 */
export function checkedInput(
  input: AddGroupParticipantsInput,
  failedSoFar: Violation | undefined,
  redact: Redact,
): { groupId: AddGroupParticipantsInput["groupId"]; participants: ParticipantInput[] } {
  let given: { groupId?: unknown; participants?: unknown } = {};
  let failed = failedSoFar;
  if (!failed)
    try {
      given = plainCopy(input) as typeof given;
    } catch (thrown) {
      failed = thrown as Violation;
    }
  failed ??=
    !given || typeof given !== "object" || Array.isArray(given)
      ? { field: "body", rule: "must be of type object" }
      : !Array.isArray(given.participants)
        ? { field: "participants", rule: "must be of type array" }
        : operations[OPERATION].common({ groupId: given.groupId });
  if (failed) throw validationError(failed.field, failed.rule, redact);
  return {
    groupId: given.groupId as AddGroupParticipantsInput["groupId"],
    participants: given.participants as ParticipantInput[],
  };
}

/** Who an entry is, so `79001234568@c.us` and the phone 79001234568 are one person. */
function personKey(participant: Record<string, unknown>): string {
  const [phoneField, chatIdField] = operations[OPERATION].phoneAlias;
  const phone = participant[phoneField];
  if (phone !== undefined) return `phone:${String(phone)}`;
  const chatId = String(participant[chatIdField]).trim().toLowerCase();
  // A personal chat id is the phone followed by @c.us, as the client's phoneMode also builds it.
  const digits = /^(\d+)@c\.us$/.exec(chatId)?.[1];
  return digits ? `phone:${digits}` : `chat:${chatId}`;
}

/**
 * Local outcomes first: invalid entries and repeats are settled without a request (in
 * `results`); the others become bodies to send, by index. A bad group throws: it is everyone's.
 */
export function settleLocally(
  participants: ParticipantInput[],
  groupId: AddGroupParticipantsInput["groupId"],
  redact: Redact,
): { results: (ParticipantOutcome | undefined)[]; bodies: Map<number, Body> } {
  const check: Validator = operations[OPERATION].body;
  const results: (ParticipantOutcome | undefined)[] = new Array(participants.length).fill(
    undefined,
  );
  const bodies = new Map<number, Body>();
  const firstSeen = new Map<string, number>();
  participants.forEach((participant, index) => {
    const record = participant as unknown;
    if (record === null || typeof record !== "object" || Array.isArray(record)) {
      const error = validationError(`participants[${index}]`, "must be an object", redact);
      results[index] = { participant, status: "failed", error };
      return;
    }
    const body = { ...(record as Record<string, unknown>), groupId };
    const failed = check(body);
    if (failed) {
      const { field, rule } = failed;
      // The group is shared by every entry: a bad one fails the whole call, before any request.
      if (field === "groupId") throw validationError(field, rule, redact);
      results[index] = {
        participant,
        status: "failed",
        error: validationError(field, rule, redact),
      };
      return;
    }
    const key = personKey(record as Record<string, unknown>);
    const earlier = firstSeen.get(key);
    if (earlier !== undefined) {
      results[index] = { participant, status: "duplicate", duplicateOf: earlier };
      return;
    }
    firstSeen.set(key, index);
    bodies.set(index, body as Body);
  });
  return { results, bodies };
}
