// The add-group-participants command: everyone in a file, through the client's paced bulk add.
import type { Command } from "commander";
import { addParticipantsFromFile } from "./bulk-add.js";
import type { SpecCommand } from "./commands.js";
import { type FillGroupValues, fillGroupFromFile } from "./fill-group.js";
import type { GlobalOptions } from "./global-options.js";
import { participantFields } from "./participants-file.js";
import type { Runner } from "./session.js";

/** The client's addGroupParticipants wraps this operation, one call per person. */
const SINGLE_OPERATION = "addGroupParticipant";
const COMMAND = "add-group-participants";

export function addBulkCommand(program: Command, commands: SpecCommand[], runner: Runner): void {
  const single = commands.find((c) => c.operation.id === SINGLE_OPERATION);
  const fields = single && participantFields(single);
  if (!single || !fields) return;
  const groupId = single.fields.find((f) => f.name === "groupId");
  const perSecond = single.operation.rateLimit?.requestsPerSecond;
  const pace = perSecond ? ` (${perSecond} per second)` : "";
  program
    .command(COMMAND)
    .summary(`Add everyone listed in a file to a group (paced ${single.operation.id} calls)`)
    .description(
      `Adds everyone listed in a file to a group, one ${single.operation.id} call each, paced ` +
        `to the documented rate limit${pace}` +
        " and retried when the service is busy or starting. A person listed twice is sent once.\n\n" +
        "The file holds one chat id or phone number per line, or is a CSV whose header names the " +
        "column (chatId, phone, participant...; or pick it with --column). Lines starting with # " +
        "are skipped.\n\nWith --invite or --journal it runs the group job: the instance's state is " +
        "checked first, the group read once, and each person not added is checked for WhatsApp and " +
        "sent one invite (--invite, whose {link} becomes the group's invite link). With --journal " +
        "each step is written to FILE before the next; --resume carries on a run that was stopped " +
        "or killed, adding no one twice and never sending a second invite.\n\nExit code: 0 when " +
        "everyone was added (or invited), 1 when anyone was not, 2 for bad input.",
    )
    .requiredOption("--group-id <groupId>", groupId?.description ?? "The group.")
    .requiredOption("--from <file>", "The file of chat ids or phone numbers.")
    .option("--column <name>", "The CSV column holding the chat id or phone number.")
    .option("--invite <message>", 'Invite whoever cannot be added, e.g. "Join us: {link}".')
    .option("--journal <file>", "Write each step to this file (JSON lines) before the next.")
    .option("--resume", "Carry on from the --journal file of a stopped run.")
    .action(async (values: FillGroupValues, self: Command) => {
      await runner(self.optsWithGlobals<GlobalOptions>(), (session) =>
        values.invite !== undefined || values.journal !== undefined || values.resume
          ? fillGroupFromFile(session, fields, values)
          : addParticipantsFromFile(session, fields, values),
      );
    });
}
