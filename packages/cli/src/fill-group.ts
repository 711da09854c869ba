// add-group-participants with --invite or --journal: the client's group job. Whoever cannot be
// added is checked for WhatsApp and sent one invite; each step goes to the journal first, so a
// killed run resumes with --resume and repeats nothing.
import { readFile } from "node:fs/promises";
import { addPeopleToGroup, type GroupJobResult, type Person } from "@greenspec/client/group-job";
import { EXIT_OK, EXIT_REFUSED, UsageError } from "./exit-codes.js";
import { fileJournal } from "./file-journal.js";
import {
  type FileEntry,
  type ParticipantFields,
  ParticipantsFileError,
  parseParticipantsFile,
} from "./participants-file.js";
import { startProgress } from "./progress.js";
import type { Session } from "./session.js";

export interface FillGroupValues {
  groupId: string;
  from: string;
  column?: string;
  invite?: string;
  journal?: string;
  resume?: boolean;
}

const LINK = "{link}";

/** Outcomes that leave the person outside the group with nothing more done: exit 1. */
const UNDONE = ["not-added", "no-whatsapp", "failed", "not-attempted"] as const;

function summary(entries: FileEntry[], result: GroupJobResult): string {
  const counts = Object.entries(result.counts)
    .map(([outcome, n]) => `${outcome} ${n}`)
    .join(", ");
  const lines = [`${counts} (of ${entries.length})`];
  result.results.forEach((r, i) => {
    if (r.outcome === "added" || r.outcome === "already-member") return;
    const detail =
      r.outcome === "failed"
        ? `failed (${r.kind}${r.outcomeUnknown ? ", outcome unknown" : ""})`
        : r.outcome === "not-added" && r.reason
          ? `not added: ${r.reason}`
          : r.outcome === "invited" && r.outcomeUnknown
            ? "invited (outcome unknown: the run stopped while the invite was being sent; not sent again)"
            : r.outcome;
    lines.push(`  line ${entries[i]?.line} ${entries[i]?.text}: ${detail}`);
  });
  return `${lines.join("\n")}\n`;
}

export async function fillGroupFromFile(
  session: Session,
  fields: ParticipantFields,
  values: FillGroupValues,
): Promise<number> {
  if (values.invite !== undefined && !values.invite.includes(LINK))
    throw new UsageError(`--invite: the message must hold ${LINK}, where the group's link goes`);
  if (values.resume && !values.journal) throw new UsageError("--resume needs --journal FILE");
  const entries = await readEntries(values.from, fields, values.column);
  const { io, options } = session;
  const progress = startProgress(io, entries.length);
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once("SIGINT", onInterrupt);
  const template = values.invite;
  let result: GroupJobResult;
  try {
    result = await addPeopleToGroup(
      session.api,
      {
        groupId: values.groupId,
        people: entries.map((entry) => entry.participant) as unknown as Person[],
        ...(template
          ? { invite: { message: (link: string) => template.split(LINK).join(link) } }
          : {}),
      },
      {
        signal: controller.signal,
        onProgress: ({ done }) => progress.update(done),
        ...(values.journal
          ? { journal: fileJournal(values.journal, { resume: values.resume === true }) }
          : {}),
      },
    );
  } finally {
    process.off("SIGINT", onInterrupt);
    progress.stop();
  }
  if (options.json)
    io.json({
      groupId: values.groupId,
      counts: result.counts,
      results: result.results.map((r, i) => ({
        line: entries[i]?.line,
        text: entries[i]?.text,
        ...r,
      })),
    });
  else io.out(summary(entries, result));
  const undone = UNDONE.reduce((sum, outcome) => sum + result.counts[outcome], 0);
  return undone === 0 ? EXIT_OK : EXIT_REFUSED;
}

export async function readEntries(
  path: string,
  fields: ParticipantFields,
  column: string | undefined,
): Promise<FileEntry[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`--from: cannot read ${path} (${(error as NodeJS.ErrnoException).code})`);
  }
  try {
    const entries = parseParticipantsFile(text, fields, column === undefined ? {} : { column });
    if (entries.length === 0) throw new UsageError(`--from: ${path} lists nobody`);
    return entries;
  } catch (error) {
    if (error instanceof ParticipantsFileError) throw new UsageError(`--from: ${error.message}`);
    throw error;
  }
}
