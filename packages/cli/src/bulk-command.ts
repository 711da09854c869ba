// The add-group-participants command: everyone in a file, through the client's paced bulk add.
import type { Command } from "commander";
import { addParticipantsFromFile } from "./bulk-add.js";
import type { SpecCommand } from "./commands.js";
import type { GlobalOptions } from "./global-options.js";
import { participantFields } from "./participants-file.js";
import type { Runner } from "./session.js";

/** The client's addGroupParticipants wraps this operation, one call per person. */
const SINGLE_OPERATION = "addGroupParticipant";
const COMMAND = "add-group-participants";

export function addBulkCommand(program: Command, commands: SpecCommand[], runner: Runner): void {
  const single = commands.find((c) => c.operationId === SINGLE_OPERATION);
  const fields = single && participantFields(single);
  if (!single || !fields) return;
  const groupId = single.fields.find((f) => f.name === "groupId");
  const pace = single.requestsPerSecond ? ` (${single.requestsPerSecond} per second)` : "";
  program
    .command(COMMAND)
    .summary(`Add everyone listed in a file to a group (paced ${single.operationId} calls)`)
    .description(
      `Adds everyone listed in a file to a group, one ${single.operationId} call each, paced ` +
        `to the documented rate limit${pace}` +
        " and retried when the service is busy or starting. A person listed twice is sent once.\n\n" +
        "The file holds one chat id or phone number per line, or is a CSV whose header names the " +
        "column (chatId, phone, participant...; or pick it with --column). Lines starting with # " +
        "are skipped.\n\nExit code: 0 when everyone was added, 1 when anyone was not, 2 for bad input.",
    )
    .requiredOption("--group-id <groupId>", groupId?.description ?? "The group.")
    .requiredOption("--from <file>", "The file of chat ids or phone numbers.")
    .option("--column <name>", "The CSV column holding the chat id or phone number.")
    .action(async (values: { groupId: string; from: string; column?: string }, self: Command) => {
      await runner(self.optsWithGlobals<GlobalOptions>(), (session) =>
        addParticipantsFromFile(session, fields, values),
      );
    });
}
