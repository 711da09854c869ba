import { readFile } from "node:fs/promises";
import type {
  AddGroupParticipantsInput,
  AddGroupParticipantsResult,
  ParticipantOutcome,
} from "@greenspec/client";
import { Presets, SingleBar } from "cli-progress";
import { EXIT_OK, EXIT_REFUSED, UsageError } from "./output.js";
import {
  type FileEntry,
  type ParticipantFields,
  ParticipantsFileError,
  parseParticipantsFile,
} from "./participants-file.js";
import type { Session } from "./program.js";

/** The bulk command wraps the client's bulk method over this operation. */
export const BULK_COMMAND = {
  command: "add-group-participants",
  operationId: "addGroupParticipant",
} as const;

export async function addParticipantsFromFile(
  session: Session,
  fields: ParticipantFields,
  values: { groupId: string; from: string; column?: string },
): Promise<number> {
  const entries = await readEntries(values.from, fields, values.column);
  const { io, options } = session;
  const total = entries.length;
  const progress = startProgress(session, total);
  const controller = new AbortController();
  // Ctrl-C stops sending at once; the summary then lists who was not attempted.
  const onInterrupt = () => controller.abort();
  process.once("SIGINT", onInterrupt);
  let result: AddGroupParticipantsResult;
  try {
    result = await session.api.addGroupParticipants(
      {
        groupId: values.groupId,
        // The file's values are checked by the client's validator, entry by entry.
        participants: entries.map(
          (entry) => entry.participant,
        ) as unknown as AddGroupParticipantsInput["participants"],
      },
      {
        signal: controller.signal,
        onProgress: ({ done }) => progress.update(done),
        ...session.callOptions,
      },
    );
  } finally {
    process.off("SIGINT", onInterrupt);
    progress.stop();
  }
  if (options.json) io.out(`${JSON.stringify(jsonSummary(values.groupId, entries, result))}\n`);
  else io.out(textSummary(entries, result));
  const { notAdded, failed, notAttempted } = result.counts;
  return notAdded + failed + notAttempted === 0 ? EXIT_OK : EXIT_REFUSED;
}

async function readEntries(
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

/** A bar on a terminal; plain `progress done/total` lines otherwise (logs, CI, pipes). */
function startProgress(session: Session, total: number) {
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      {
        format: "adding {bar} {value}/{total} ({percentage}%) eta {eta_formatted}",
        stream: process.stderr,
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (done: number) => bar.update(done), stop: () => bar.stop() };
  }
  let last = -1;
  return {
    update: (done: number) => {
      if (done === last) return;
      last = done;
      session.io.err(`progress ${done}/${total}\n`);
    },
    stop: () => {},
  };
}

function describe(entry: ParticipantOutcome, entries: FileEntry[]): string {
  switch (entry.status) {
    case "added":
      return "added";
    case "not-added":
      return "not added: the service answered false (not an admin, not in contacts, or already a member)";
    case "failed":
      return `failed: ${entry.error.kind}: ${entry.error.message}`;
    case "duplicate":
      return `duplicate of line ${entries[entry.duplicateOf]?.line ?? "?"}: not sent twice`;
    case "not-attempted":
      return "not attempted (stopped)";
  }
}

function textSummary(entries: FileEntry[], result: AddGroupParticipantsResult): string {
  const { added, notAdded, failed, duplicates, notAttempted } = result.counts;
  const lines = [
    `added ${added}, not added ${notAdded}, failed ${failed}, duplicates ${duplicates}, ` +
      `not attempted ${notAttempted} (of ${entries.length})`,
  ];
  result.results.forEach((entry, index) => {
    if (entry.status === "added") return;
    const source = entries[index];
    if (source) lines.push(`  line ${source.line} ${source.text}: ${describe(entry, entries)}`);
  });
  return `${lines.join("\n")}\n`;
}

function jsonSummary(groupId: string, entries: FileEntry[], result: AddGroupParticipantsResult) {
  return {
    groupId,
    counts: result.counts,
    results: result.results.map((entry, index) => {
      const source = entries[index];
      const base = { line: source?.line, text: source?.text, status: entry.status };
      switch (entry.status) {
        case "added":
        case "not-added":
          return { ...base, added: entry.added };
        case "failed":
          return { ...base, error: { kind: entry.error.kind, message: entry.error.message } };
        case "duplicate":
          return { ...base, duplicateOfLine: entries[entry.duplicateOf]?.line };
        default:
          return base;
      }
    }),
  };
}
