// Runs the bulk add: reads the file, calls the client's addGroupParticipants, prints the summary.
import type { AddGroupParticipantsInput, AddGroupParticipantsResult } from "@greenspec/client";
import { jsonSummary, textSummary } from "./bulk-summary.js";
import { EXIT_OK, EXIT_REFUSED } from "./exit-codes.js";
import { readEntries } from "./fill-group.js";
import type { ParticipantFields } from "./participants-file.js";
import { startProgress } from "./progress.js";
import type { Session } from "./session.js";

export async function addParticipantsFromFile(
  session: Session,
  fields: ParticipantFields,
  values: { groupId: string; from: string; column?: string },
): Promise<number> {
  const entries = await readEntries(values.from, fields, values.column);
  const { io, options } = session;
  const progress = startProgress(io, entries.length);
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
  if (options.json) io.json(jsonSummary(values.groupId, entries, result));
  else io.out(textSummary(entries, result));
  const { notAdded, failed, notAttempted } = result.counts;
  return notAdded + failed + notAttempted === 0 ? EXIT_OK : EXIT_REFUSED;
}
