// The bulk add's public types: its input, options, the outcome of each entry and the result.
import type { GreenApiError } from "./errors.js";
import type { CallOptions, RequestBody } from "./types.js";

/** The operation the bulk add calls once per person. */
export const OPERATION = "addGroupParticipant";

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
