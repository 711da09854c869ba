// The record of every call to the service's methods, with the API token masked everywhere by
// the one masking rule (@greenspec/redact), kept within a budget of bytes: bodies are stored as
// bounded excerpts, so no request can grow it past the budget or make it unreadable.
import { MASK, redactDeep, redactor } from "@greenspec/redact";

export interface JournalEntry {
  /** 1 for the first call after creation or reset. */
  seq: number;
  /** The emulator's clock when the call arrived, in ms. */
  at: number;
  /** The operationId, or null for a path no operation has. */
  operation: string | null;
  idInstance: string | null;
  method: string;
  /** The request path with the token replaced by `***`. */
  path: string;
  status: number;
  /**
   * The request body as parsed (multipart files as `{ type, size }`), or its text when not JSON;
   * one larger than `JOURNAL_EXCERPT_CHARS` as JSON is kept as the start of its text.
   */
  request: unknown;
  /** The answer body (an excerpt, like the request), or null when the connection was reset. */
  answer: unknown;
}

/** The journal keeps at most this many latest calls. */
export const JOURNAL_LIMIT = 10_000;
/** And at most about this many bytes of them: the oldest calls go first. */
export const JOURNAL_BUDGET_BYTES = 8 * 1024 * 1024;
/** A body longer than this as JSON is kept as the start of its text (then `…`). */
export const JOURNAL_EXCERPT_CHARS = 2048;
/** Bodies are kept this deep; deeper parts read `[too deep]`. */
const BODY_DEPTH = 8;

interface Stored {
  entry: JournalEntry;
  secret: string | undefined;
  bytes: number;
}

/** A body as kept: itself when small, else the start of its JSON text; and its size in chars. */
function excerpt(value: unknown): { kept: unknown; size: number } {
  if (value === null || value === undefined || typeof value !== "object") {
    const text = typeof value === "string" ? value : String(value);
    if (text.length <= JOURNAL_EXCERPT_CHARS) return { kept: value ?? null, size: text.length };
    return { kept: `${text.slice(0, JOURNAL_EXCERPT_CHARS)}…`, size: JOURNAL_EXCERPT_CHARS };
  }
  // Cut to a bounded depth first: what is written out next can never overflow the stack.
  const shallow = redactDeep(value, String, BODY_DEPTH);
  const text = JSON.stringify(shallow) ?? "null";
  if (text.length <= JOURNAL_EXCERPT_CHARS) return { kept: shallow, size: text.length };
  return { kept: `${text.slice(0, JOURNAL_EXCERPT_CHARS)}…`, size: JOURNAL_EXCERPT_CHARS };
}

/** Spec segments that are never a secret, to mask every other segment of an unknown path. */
function maskedUnknownPath(path: string, literals: ReadonlySet<string>): string {
  const cut = path.length > 512 ? `${path.slice(0, 512)}…` : path;
  return cut
    .split("/")
    .map((segment) => (literals.has(segment) || /^waInstance\d+$/.test(segment) ? segment : MASK))
    .join("/");
}

/** The path of a call from its operation's template, with the token shown as `***`. */
function maskedPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    name === "apiTokenInstance" ? MASK : (params[name] ?? ""),
  );
}

export class Journal {
  private entries: Stored[] = [];
  private first = 0;
  private bytes = 0;
  private seq = 0;
  private readonly redactors = new Map<string, (text: string) => string>();

  /** `literals`: the literal segments of the spec's paths (shown in an unknown path). */
  constructor(private readonly literals: ReadonlySet<string> = new Set([""])) {}

  add(
    entry: Omit<JournalEntry, "seq">,
    secret: string | undefined,
    route?: { template: string; params: Record<string, string> },
  ): void {
    this.seq++;
    const request = excerpt(entry.request);
    const answer = excerpt(entry.answer);
    const path = route
      ? maskedPath(route.template, route.params)
      : maskedUnknownPath(entry.path, this.literals);
    const bytes = 256 + path.length + request.size + answer.size;
    const kept = { ...entry, seq: this.seq, path, request: request.kept, answer: answer.kept };
    this.entries.push({ entry: kept, secret, bytes });
    this.bytes += bytes;
    while (
      this.entries.length - this.first > JOURNAL_LIMIT ||
      (this.bytes > JOURNAL_BUDGET_BYTES && this.entries.length - this.first > 1)
    )
      this.bytes -= (this.entries[this.first++] as Stored).bytes;
    // Dropped entries are let go in batches, so a call pays only for a push.
    if (this.first > 1024 && this.first * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.first);
      this.first = 0;
    }
  }

  /** A masked copy of the entries, oldest first. */
  list(): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (let i = this.first; i < this.entries.length; i++) {
      const { entry, secret } = this.entries[i] as Stored;
      out.push(redactDeep(entry, this.redactorOf(secret), BODY_DEPTH + 2) as JournalEntry);
    }
    return out;
  }

  clear(): void {
    this.entries = [];
    this.first = 0;
    this.bytes = 0;
    this.seq = 0;
  }

  private redactorOf(secret: string | undefined): (text: string) => string {
    const key = secret ?? "";
    let redact = this.redactors.get(key);
    if (!redact) {
      // A few tokens in a test run; many only from a fuzzer, so the cache starts over.
      if (this.redactors.size >= 256) this.redactors.clear();
      redact = redactor(secret);
      this.redactors.set(key, redact);
    }
    return redact;
  }
}
