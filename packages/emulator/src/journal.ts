// The record of every call to the service's methods, with the API token masked everywhere.

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
  /** The request body as parsed (multipart files as `{ type, size }`), or its text when not JSON. */
  request: unknown;
  /** The answer body, or null when the connection was reset. */
  answer: unknown;
}

/** The journal keeps this many latest calls, so a long-running server does not grow without end. */
export const JOURNAL_LIMIT = 10_000;

export const MASK = "***";

/** Replaces every occurrence of `secret` in the strings of `value` (a token of 4+ characters). */
export function maskDeep(value: unknown, secret: string | undefined): unknown {
  if (!secret || secret.length < 4) return value;
  if (typeof value === "string") return value.split(secret).join(MASK);
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, secret));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [maskDeep(k, secret) as string, maskDeep(v, secret)]),
    );
  }
  return value;
}

// Entries are kept as given (bodies are fresh objects nobody changes later) and masked when
// read, so a call pays only for a push.
interface Stored {
  entry: JournalEntry;
  secret: string | undefined;
  route: { template: string; params: Record<string, string> } | undefined;
}

/** The path of a call, from its operation's template, with the token shown as `***`. */
function maskedPath(stored: Stored): string {
  if (!stored.route) {
    // A path no operation has: keep its first two segments, mask the rest (a token may be there).
    const segments = stored.entry.path.split("/");
    return segments.length > 3 ? `${segments.slice(0, 3).join("/")}/${MASK}` : stored.entry.path;
  }
  const { template, params } = stored.route;
  return template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    name === "apiTokenInstance" ? MASK : (params[name] ?? ""),
  );
}

export class Journal {
  private entries: Stored[] = [];
  private seq = 0;

  add(entry: Omit<JournalEntry, "seq">, secret: string | undefined, route?: Stored["route"]): void {
    this.seq++;
    this.entries.push({ entry: { seq: this.seq, ...entry }, secret, route });
    if (this.entries.length > JOURNAL_LIMIT * 1.1)
      this.entries.splice(0, this.entries.length - JOURNAL_LIMIT);
  }

  /** A masked copy of the entries, oldest first. */
  list(): JournalEntry[] {
    return this.entries.slice(-JOURNAL_LIMIT).map((stored) => {
      const entry = { ...structuredClone(stored.entry), path: maskedPath(stored) };
      return maskDeep(entry, stored.secret) as JournalEntry;
    });
  }

  clear(): void {
    this.entries = [];
    this.seq = 0;
  }
}
