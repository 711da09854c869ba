// The journal of a group job: one JSON record per step, appended before the next step starts,
// so a job killed at any moment can be resumed without adding anyone twice or sending a second
// invite. An interface, so a browser can keep it where it likes; file-journal.ts is Node's.
// Records hold ids, outcomes and error kinds only: never a token, never an error message.

/** The journal's own format name and version: a newer version is refused, not guessed at. */
export const JOURNAL_FORMAT = "greenspec-group-job";
export const JOURNAL_VERSION = 1;

/** The first record: which job this journal belongs to. */
export interface JournalHeader {
  format: typeof JOURNAL_FORMAT;
  version: number;
  groupId: string;
  /** A fingerprint of the list of people (see listFingerprint). */
  list: string;
  total: number;
}

/** The group as it was read once at the start: members (ids and lids) and the invite link. */
export interface GroupRecord {
  step: "group";
  members: string[];
  link: string;
}

/** An invite is about to be sent to person `i`: written before the message leaves. */
export interface InviteStartRecord {
  step: "invite-start";
  i: number;
}

/** Person `i` reached an outcome. */
export interface OutcomeRecord {
  step: "outcome";
  i: number;
  outcome: PersonOutcome["outcome"];
  reason?: string;
  kind?: string;
  idMessage?: string;
  outcomeUnknown?: boolean;
}

export type JournalRecord = GroupRecord | InviteStartRecord | OutcomeRecord;

/** Where a job keeps its records. Each append resolves once the record is written. */
export interface JobJournal {
  /** The header and records written so far (no header: a new journal). */
  read(): Promise<{ header: JournalHeader | undefined; records: JournalRecord[] }>;
  /** Writes the header of a new journal. */
  start(header: JournalHeader): Promise<void>;
  append(record: JournalRecord): Promise<void>;
  /** Everything written reaches storage (the file journal syncs here). */
  close(): Promise<void>;
}

/** What happened to one person of the list, at the same index. */
export type PersonOutcome =
  | { outcome: "added" }
  | { outcome: "already-member" }
  | { outcome: "invited"; idMessage?: string; outcomeUnknown?: boolean }
  | { outcome: "no-whatsapp" }
  /** Not added and not invited; `reason` says why when it is known. */
  | { outcome: "not-added"; reason?: string }
  /** The same person as an earlier entry: nothing sent for this one. */
  | { outcome: "duplicate"; duplicateOf: number }
  /** Never reached: the job was stopped first. */
  | { outcome: "not-attempted" }
  /** A call failed; `outcomeUnknown`: a call not safe to repeat may have taken effect. */
  | { outcome: "failed"; kind: string; outcomeUnknown?: boolean };

/** A journal in memory: for tests, and a model for other stores. */
export function memoryJournal(): JobJournal & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    async read() {
      const [first, ...rest] = lines.map((line) => JSON.parse(line));
      return { header: first, records: rest };
    },
    async start(header) {
      lines.push(JSON.stringify(header));
    },
    async append(record) {
      lines.push(JSON.stringify(record));
    },
    async close() {},
  };
}

/** A short fingerprint of a list (FNV-1a, 2 x 32 bits): tells another list's journal apart. */
export function listFingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}

/** Why a journal cannot be used for this job, or undefined when it can. */
export function headerProblem(found: unknown, wanted: JournalHeader): string | undefined {
  const header = found as Partial<JournalHeader> | undefined;
  if (!header || header.format !== JOURNAL_FORMAT) return "it is not a greenspec group job journal";
  if (typeof header.version !== "number" || header.version > JOURNAL_VERSION)
    return `it is of a newer format (version ${String(header.version)}; this client reads ${JOURNAL_VERSION})`;
  if (header.groupId !== wanted.groupId) return "it belongs to another group";
  if (header.list !== wanted.list || header.total !== wanted.total)
    return "it belongs to another list of people";
  return undefined;
}
