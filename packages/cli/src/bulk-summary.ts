// The summary of a bulk add, for people (text) and for scripts (JSON).
import type { AddGroupParticipantsResult, ParticipantOutcome } from "@greenspec/client";
import type { FileEntry } from "./participants-file.js";

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

export function textSummary(entries: FileEntry[], result: AddGroupParticipantsResult): string {
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

export function jsonSummary(
  groupId: string,
  entries: FileEntry[],
  result: AddGroupParticipantsResult,
) {
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
