// The job: get a list of people into a group. It checks the instance's state first, reads the
// group once, adds each person (paced), checks WhatsApp for each one not added and, when asked,
// sends each of them one invite with the group's link. With a journal each outcome is written
// before the next step, so a killed job resumes without adding anyone twice or inviting twice.
import { GreenApiError } from "../errors.js";
import { Pacer } from "../pacing.js";
import type { OperationMethods } from "../types.js";
import {
  headerProblem,
  JOURNAL_FORMAT,
  JOURNAL_VERSION,
  type JobJournal,
  type JournalRecord,
  listFingerprint,
  type PersonOutcome,
} from "./journal.js";
import { type CheckedPerson, checkPeople, type GroupJobInput, validation } from "./people.js";

export interface GroupJobOptions {
  /** Where each step's outcome is written; a journal with records resumes the job. */
  journal?: JobJournal;
  /** Told after each person gets an outcome; a throw from it is ignored. */
  onProgress?: (progress: { done: number; total: number; outcome: PersonOutcome }) => void;
  /** Stops between steps: people not reached come back as `not-attempted`. */
  signal?: AbortSignal;
  /** Space each method's calls by its rate limit (default true; a Pacer to share one). */
  pacing?: boolean | Pacer;
}

export interface GroupJobResult {
  results: PersonOutcome[];
  counts: Record<PersonOutcome["outcome"], number>;
}

const OUTCOMES: PersonOutcome["outcome"][] = [
  "added",
  "already-member",
  "invited",
  "no-whatsapp",
  "not-added",
  "duplicate",
  "not-attempted",
  "failed",
];

function failedOf(thrown: unknown): PersonOutcome {
  const error = thrown as GreenApiError;
  if (!(thrown instanceof GreenApiError)) throw thrown;
  return {
    outcome: "failed",
    kind: error.kind,
    ...(error.outcomeUnknown ? { outcomeUnknown: true } : {}),
  };
}

interface Run {
  api: OperationMethods;
  groupId: string;
  members: Set<string>;
  link: string;
  invite: GroupJobInput["invite"];
  journal: JobJournal | undefined;
  call: <T>(operation: string, send: () => Promise<T>) => Promise<T>;
}

/** One person's steps, after the repeats and members are settled. */
async function settle(run: Run, person: CheckedPerson, i: number): Promise<PersonOutcome> {
  const { api, call } = run;
  try {
    const { addParticipant } = await call("addGroupParticipant", () =>
      api.addGroupParticipant(person.body as never),
    );
    if (addParticipant) return { outcome: "added" };
    if (person.phone !== undefined) {
      const { existsWhatsapp } = await call("checkWhatsapp", () =>
        api.checkWhatsapp({ phoneNumber: person.phone as number }),
      );
      if (!existsWhatsapp) return { outcome: "no-whatsapp" };
    }
  } catch (thrown) {
    return failedOf(thrown);
  }
  if (!run.invite) return { outcome: "not-added", reason: "no invite was asked for" };
  if (!run.link)
    return {
      outcome: "not-added",
      reason: "the invite link is unknown: the instance is not an admin",
    };
  // Written before the message leaves: a resumed job never sends this person a second one.
  await run.journal?.append({ step: "invite-start", i });
  try {
    const message = run.invite.message(run.link);
    const { idMessage } = await call("sendMessage", () =>
      api.sendMessage({ chatId: person.chatId, message }),
    );
    return { outcome: "invited", idMessage };
  } catch (thrown) {
    return failedOf(thrown);
  }
}

/** The outcomes, invites begun and group a journal already holds. */
function replay(records: JournalRecord[], total: number) {
  const outcomes: (PersonOutcome | undefined)[] = new Array(total).fill(undefined);
  const started = new Set<number>();
  let group: { members: string[]; link: string } | undefined;
  for (const record of records) {
    if (record.step === "group") group = record;
    else if (record.step === "invite-start") started.add(record.i);
    else if (record.i >= 0 && record.i < total) {
      const { step: _, i: __, ...outcome } = record;
      outcomes[record.i] = outcome as PersonOutcome;
    }
  }
  return { outcomes, started, group };
}

/** The state first: an instance that cannot send stops the job before its first step. */
async function requireAuthorized(api: OperationMethods, call: Run["call"]): Promise<void> {
  const { stateInstance } = await call("getStateInstance", () => api.getStateInstance());
  if (stateInstance === "authorized") return;
  throw new GreenApiError(
    `getStateInstance: the instance is ${stateInstance}, not authorized; nothing was sent`,
    {
      kind: "not-authorized",
      status: 200,
      description: stateInstance,
      url: "",
      operation: "getStateInstance",
      attempts: 1,
    },
  );
}

async function groupNow(api: OperationMethods, groupId: string, call: Run["call"]) {
  const data = await call("getGroupData", () => api.getGroupData({ groupId }));
  const members = data.participants.flatMap((p) => [p.id, ...("lid" in p && p.lid ? [p.lid] : [])]);
  return { members, link: data.groupInviteLink ?? "" };
}

export async function addPeopleToGroup(
  api: OperationMethods,
  input: GroupJobInput,
  options: GroupJobOptions = {},
): Promise<GroupJobResult> {
  const { groupId, people, invite } = checkPeople(input);
  const { journal, signal, onProgress } = options;
  const pacer =
    options.pacing === false
      ? undefined
      : options.pacing instanceof Pacer
        ? options.pacing
        : new Pacer();
  const call: Run["call"] = async (operation, send) => {
    await pacer?.wait(operation, signal);
    return send();
  };
  const header = {
    format: JOURNAL_FORMAT,
    version: JOURNAL_VERSION,
    groupId,
    list: listFingerprint(JSON.stringify(people.map((p) => p.chatId))),
    total: people.length,
  } as const;
  const past = journal ? await journal.read() : { header: undefined, records: [] };
  if (past.header) {
    const problem = headerProblem(past.header, header);
    if (problem) throw validation("journal", `cannot be resumed: ${problem}`);
  }
  await requireAuthorized(api, call);
  const { outcomes, started, group: journaled } = replay(past.records, people.length);
  if (journal && !past.header) await journal.start(header);
  let group = journaled;
  // Resumed: whoever is a member now but not then was added by a step whose answer was lost.
  let now: Set<string> | undefined;
  if (group) now = new Set((await groupNow(api, groupId, call)).members);
  else {
    group = await groupNow(api, groupId, call);
    await journal?.append({ step: "group", ...group });
  }
  const members = new Set(group.members);
  const run: Run = { api, groupId, members, link: group.link, invite, journal, call };
  let done = outcomes.filter(Boolean).length;
  for (const [i, person] of people.entries()) {
    if (outcomes[i]) continue;
    if (signal?.aborted) break;
    const outcome: PersonOutcome =
      person.duplicateOf !== undefined
        ? { outcome: "duplicate", duplicateOf: person.duplicateOf }
        : run.members.has(person.chatId)
          ? { outcome: "already-member" }
          : started.has(i)
            ? { outcome: "invited", outcomeUnknown: true }
            : now?.has(person.chatId)
              ? { outcome: "added" }
              : await settle(run, person, i);
    outcomes[i] = outcome;
    await journal?.append({ step: "outcome", i, ...outcome } as JournalRecord);
    done++;
    try {
      onProgress?.({ done, total: people.length, outcome });
    } catch {
      // A progress display that throws must not stop the job.
    }
  }
  await journal?.close();
  return resultOf(outcomes);
}

/** Every person's outcome (those never reached: `not-attempted`) and the count of each. */
function resultOf(outcomes: (PersonOutcome | undefined)[]): GroupJobResult {
  const results = outcomes.map((o): PersonOutcome => o ?? { outcome: "not-attempted" });
  const counts = Object.fromEntries(OUTCOMES.map((name) => [name, 0])) as GroupJobResult["counts"];
  for (const { outcome } of results) counts[outcome]++;
  return { results, counts };
}
