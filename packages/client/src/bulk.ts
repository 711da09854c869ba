import { redactDeep } from "@greenspec/redact";
import { GreenApiError } from "./errors.js";
import { operations } from "./generated/operations.js";
import type { Validator } from "./operation.js";
import { checkCallOptions } from "./options.js";
import { plainCopy } from "./plain.js";
import { redactError } from "./redact.js";
import type { CallOptions, OperationMethods, RequestBody } from "./types.js";
import type { Violation } from "./validation.js";

const OPERATION = "addGroupParticipant";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** One person to add: the single call's body without the group (chat id or phone). */
export type ParticipantInput = DistributiveOmit<RequestBody<typeof OPERATION>, "groupId">;

export interface AddGroupParticipantsInput {
  groupId: RequestBody<typeof OPERATION>["groupId"];
  participants: readonly ParticipantInput[];
}

export interface BulkProgress {
  /** Entries with an outcome so far (sent and answered, failed, or resolved locally). */
  done: number;
  /** Entries in the input. */
  total: number;
}

export interface AddGroupParticipantsOptions extends Omit<CallOptions, "signal"> {
  /** Told after each entry gets its outcome; a throw from it is ignored. */
  onProgress?: (progress: BulkProgress) => void;
  /** Stops at once: entries not yet sent come back as `not-attempted`. */
  signal?: AbortSignal;
  /**
   * Calls in flight at most (default 1). More helps when answers are slow; the pacer still
   * spaces the requests, but a stall of this process can then release several at once.
   */
  concurrency?: number;
}

/** What happened to one entry of the input, at the same index. */
export type ParticipantOutcome =
  /** `attempts`: requests sent for this entry; over 1, the answer came from a repeated one. */
  | { participant: ParticipantInput; status: "added"; added: true; attempts: number }
  /**
   * The service answered `false`: not an admin, not in contacts, or already a member (after a
   * repeated attempt, `attempts` > 1, perhaps added by an earlier one whose answer was lost).
   */
  | { participant: ParticipantInput; status: "not-added"; added: false; attempts: number }
  | { participant: ParticipantInput; status: "failed"; error: GreenApiError }
  /** The same person as an earlier entry (by chat id or phone): not sent again. */
  | { participant: ParticipantInput; status: "duplicate"; duplicateOf: number }
  /** Never sent: the signal stopped the run first. */
  | { participant: ParticipantInput; status: "not-attempted" };

export interface AddGroupParticipantsResult {
  results: ParticipantOutcome[];
  counts: {
    added: number;
    notAdded: number;
    failed: number;
    duplicates: number;
    notAttempted: number;
  };
}

export interface BulkMethods {
  /**
   * Adds many people to a group, one `addGroupParticipant` call each, always paced to the
   * operation's documented rate limit and retried by the client's retry policy. One failure
   * never stops the others; the result has one outcome per input, in input order.
   */
  addGroupParticipants(
    input: AddGroupParticipantsInput,
    options?: AddGroupParticipantsOptions,
  ): Promise<AddGroupParticipantsResult>;
}

/**
 * The bulk method over a paced client: `paced` is the client itself when it paces, or a
 * factory of a paced twin (made once, on first use) when it does not.
 */
export function bulkMethods(
  paced: OperationMethods | (() => OperationMethods),
  redact: (text: string) => string,
  optionsFault?: Violation,
): BulkMethods {
  let api: OperationMethods | undefined;
  const client = () => {
    api ??= typeof paced === "function" ? paced() : paced;
    return api;
  };
  return {
    addGroupParticipants: (input, options) =>
      addGroupParticipants(client(), redact, optionsFault, input, options),
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

function validationError(
  field: string,
  rule: string,
  redact: (text: string) => string,
): GreenApiError {
  return new GreenApiError(redact(`${OPERATION}: ${field} ${rule}`), {
    kind: "validation",
    field: redact(field),
    rule: redact(rule),
    operation: OPERATION,
    attempts: 0,
  });
}

async function addGroupParticipants(
  api: OperationMethods,
  redact: (text: string) => string,
  optionsFault: Violation | undefined,
  input: AddGroupParticipantsInput,
  options: AddGroupParticipantsOptions = {},
): Promise<AddGroupParticipantsResult> {
  // Everything is checked before the first request: the client's options, these options, the
  // input as a plain copy, and the group (which every entry shares).
  let given: { groupId?: unknown; participants?: unknown } = {};
  let failed = optionsFault ?? checkCallOptions(options);
  const { concurrency } = options ?? {};
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0))
    failed ??= { field: "concurrency", rule: "must be an integer > 0" };
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
  const { onProgress, signal, concurrency: _, ...callOptions } = options;
  const groupId = given.groupId as AddGroupParticipantsInput["groupId"];
  const participants = given.participants as ParticipantInput[];
  const check: Validator = operations[OPERATION].body;
  const total = participants.length;
  const results: (ParticipantOutcome | undefined)[] = new Array(total).fill(undefined);
  const bodies = new Map<number, RequestBody<typeof OPERATION>>();
  const firstSeen = new Map<string, number>();

  // Local outcomes first: invalid entries and repeats are settled without a request.
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
    bodies.set(index, body as RequestBody<typeof OPERATION>);
  });

  let done = total - bodies.size;
  const report = () => {
    try {
      onProgress?.({ done, total });
    } catch {
      // A progress display that throws must not cost anyone their place in the group.
    }
  };
  report();

  const queue = [...bodies.keys()];
  let next = 0;
  const send = async () => {
    for (;;) {
      if (signal?.aborted) return;
      const index = queue[next++];
      if (index === undefined) return;
      const participant = participants[index] as ParticipantInput;
      const body = bodies.get(index) as RequestBody<typeof OPERATION>;
      let attempts = 1;
      try {
        const answer = await api[OPERATION](body as never, {
          ...callOptions,
          ...(signal ? { signal } : {}),
          onRetry: (event) => {
            attempts = event.attempt + 1;
            callOptions.onRetry?.(event);
          },
        });
        results[index] = answer.addParticipant
          ? { participant, status: "added", added: true, attempts }
          : { participant, status: "not-added", added: false, attempts };
      } catch (thrown) {
        const error = asGreenApiError(thrown, redact);
        // Stopped before its request left: nothing happened to this person.
        if (error.kind === "aborted" && error.attempts === 0) continue;
        results[index] = { participant, status: "failed", error };
      }
      done++;
      report();
    }
  };
  const workers = Math.max(1, Math.min(concurrency ?? 1, queue.length));
  await Promise.all(Array.from({ length: workers }, send));

  const settled = results.map((outcome, index): ParticipantOutcome => {
    const result = outcome ?? {
      participant: participants[index] as ParticipantInput,
      status: "not-attempted",
    };
    // An entry that holds the token (pasted in the wrong place) comes back masked.
    const masked = redactDeep(result.participant, redact) as ParticipantInput;
    return JSON.stringify(masked) === JSON.stringify(result.participant)
      ? result
      : { ...result, participant: masked };
  });
  const count = (status: ParticipantOutcome["status"]) =>
    settled.filter((outcome) => outcome.status === status).length;
  return {
    results: settled,
    counts: {
      added: count("added"),
      notAdded: count("not-added"),
      failed: count("failed"),
      duplicates: count("duplicate"),
      notAttempted: count("not-attempted"),
    },
  };
}

/** The client only throws GreenApiError; anything else is a bug, kept as the cause. */
function asGreenApiError(thrown: unknown, redact: (text: string) => string): GreenApiError {
  if (thrown instanceof GreenApiError) return thrown;
  const cause = redactError(thrown, redact);
  return new GreenApiError(
    `${OPERATION}: ${cause.message}`,
    { kind: "network", url: "", operation: OPERATION, attempts: 1 },
    cause,
  );
}
