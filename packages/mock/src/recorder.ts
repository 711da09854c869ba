// `--record FILE`: each answer that passes the proxy is appended to FILE in the format of the
// spec's recordings (spec/recordings/*.json), so real traffic becomes test cases. The token is
// masked; phone numbers, hidden-number ids and invite codes become made-up ones, the same real
// value the same made-up one within a run.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { maskValues } from "./path-secrets.js";

export interface RecordedItem {
  operation: string;
  status: number;
  body: unknown;
  source: string;
  kind: "recorded";
  note: string;
}

const ABOUT =
  "Answers recorded by greenspec-mock --proxy --record, in the format of spec/recordings/*.json. The API token is masked as ***; phone numbers, @lid ids and invite codes are made up (the same real value, the same made-up one within a recording run).";

// Made-up values, told apart from real ones by their form; counted on from the file's highest.
const FAKE_PHONE = (n: number) => `7999${String(n).padStart(7, "0")}`;
const FAKE_LID = (n: number) => String(100_000_000_000_000 + n);
const FAKE_INVITE = (n: number) => `GreenspecMadeUp${String(n).padStart(7, "0")}`;

const PATTERNS: [RegExp, "phone" | "lid" | "invite"][] = [
  [/(?<![\d])(\d{7,15})(?=@c\.us|-\d+@g\.us)/g, "phone"],
  [/(?<![\d])(\d{7,20})(?=@lid)/g, "lid"],
  [/(?<=chat\.whatsapp\.com\/)([A-Za-z0-9]+)/g, "invite"],
];

interface RecordingFile {
  about: string;
  items: RecordedItem[];
}

function load(file: string): RecordingFile {
  if (!existsSync(file)) return { about: ABOUT, items: [] };
  const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<RecordingFile>;
  if (!Array.isArray(parsed.items)) throw new Error(`${file} has no "items" list to append to`);
  return { about: parsed.about ?? ABOUT, items: parsed.items };
}

/** Appends answers to `file` (made when missing); `source` names where they came from. */
export function createRecorder(file: string, source: string) {
  const document = load(file);
  const made = {
    phone: new Map<string, string>(),
    lid: new Map<string, string>(),
    invite: new Map<string, string>(),
  };
  const fakes = { phone: FAKE_PHONE, lid: FAKE_LID, invite: FAKE_INVITE };
  // Numbering goes on after the made-up values already in the file, so none is given twice.
  const text = JSON.stringify(document.items);
  const counted = (pattern: RegExp) =>
    Math.max(0, ...[...text.matchAll(pattern)].map((m) => Number(m[1])));
  let next = Math.max(
    counted(/7999(\d{7})@c\.us/g),
    counted(/1(\d{14})@lid/g),
    counted(/GreenspecMadeUp(\d{7})/g),
  );

  const madeUp = (kind: keyof typeof made, real: string): string => {
    let fake = made[kind].get(real);
    if (fake === undefined) {
      fake = fakes[kind](++next);
      made[kind].set(real, fake);
    }
    return fake;
  };

  const scrub = (value: unknown, secrets: readonly string[]): unknown => {
    if (typeof value === "string") {
      let out = maskValues(value, secrets);
      for (const [pattern, kind] of PATTERNS)
        out = out.replace(pattern, (real) => madeUp(kind, real));
      return out;
    }
    if (Array.isArray(value)) return value.map((item) => scrub(item, secrets));
    if (value && typeof value === "object")
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, scrub(item, secrets)]),
      );
    return value;
  };

  return {
    /** Records one answer; `token` (the request's last path value) is masked wherever it shows. */
    add(operation: string, status: number, body: unknown, token: string | undefined): void {
      document.items.push({
        operation,
        status,
        body: scrub(body, token ? [token] : []),
        source,
        kind: "recorded",
        note: `recorded ${new Date().toISOString()}`,
      });
      // Whole or not at all: a reader never sees half a file.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(document, null, 1)}\n`);
      renameSync(temporary, file);
    },
  };
}
