// The bulk add: everyone in a list added to a group, one paced addGroupParticipant call each.
import { redactDeep } from "@greenspec/redact";
import { checkedInput, settleLocally } from "./bulk-entries.js";
import {
  type AddGroupParticipantsInput,
  type AddGroupParticipantsOptions,
  type AddGroupParticipantsResult,
  type BulkMethods,
  OPERATION,
  type ParticipantInput,
  type ParticipantOutcome,
} from "./bulk-types.js";
import { GreenApiError } from "./errors.js";
import { checkCallOptions } from "./options.js";
import { redactError } from "./redact.js";
import type { OperationMethods, RequestBody } from "./types.js";
import type { Violation } from "./validation.js";

type Redact = (text: string) => string;

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

async function addGroupParticipants(
  api: OperationMethods,
  redact: Redact,
  optionsFault: Violation | undefined,
  input: AddGroupParticipantsInput,
  options: AddGroupParticipantsOptions = {},
): Promise<AddGroupParticipantsResult> {
  // Everything is checked before the first request: the client's options, these options, the
  // input as a plain copy, and the group (which every entry shares).
  let failed = optionsFault ?? checkCallOptions(options);
  const { concurrency } = options ?? {};
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0))
    failed ??= { field: "concurrency", rule: "must be an integer > 0" };
  const { groupId, participants } = checkedInput(input, failed, redact);
  const { onProgress, signal, concurrency: _, ...callOptions } = options;
  const total = participants.length;
  const { results, bodies } = settleLocally(participants, groupId, redact);

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
      const outcome = await sendOne(api, participant, body, { ...callOptions, signal }, redact);
      // Stopped before its request left: nothing happened to this person.
      if (outcome === undefined) continue;
      results[index] = outcome;
      done++;
      report();
    }
  };
  const workers = Math.max(1, Math.min(concurrency ?? 1, queue.length));
  await Promise.all(Array.from({ length: workers }, send));
  return summary(results, participants, redact);
}

/** One entry's call and its outcome; undefined when the signal stopped it before it was sent. */
async function sendOne(
  api: OperationMethods,
  participant: ParticipantInput,
  body: RequestBody<typeof OPERATION>,
  { signal, ...callOptions }: Omit<AddGroupParticipantsOptions, "onProgress" | "concurrency">,
  redact: Redact,
): Promise<ParticipantOutcome | undefined> {
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
    return answer.addParticipant
      ? { participant, status: "added", added: true, attempts }
      : { participant, status: "not-added", added: false, attempts };
  } catch (thrown) {
    const error = asGreenApiError(thrown, redact);
    if (error.kind === "aborted" && error.attempts === 0) return undefined;
    return { participant, status: "failed", error };
  }
}

/** One outcome per entry, in input order (unsent ones `not-attempted`), and the counts. */
function summary(
  results: (ParticipantOutcome | undefined)[],
  participants: ParticipantInput[],
  redact: Redact,
): AddGroupParticipantsResult {
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
