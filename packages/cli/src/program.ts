// The greenspec command: global options, one command per operation of the spec, the bulk add.
import { createRequire } from "node:module";
import { Command } from "commander";
import { addBulkCommand } from "./bulk-command.js";
import { type SpecCommand, specCommands } from "./commands.js";
import { ID_VARIABLE, TOKEN_VARIABLE } from "./credentials.js";
import { addGlobalOptions } from "./global-options.js";
import { addOperationCommand } from "./operation-command.js";
import type { Io } from "./output.js";
import type { Runner } from "./session.js";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

export function buildProgram(
  io: Io,
  runner: Runner,
  commands: SpecCommand[] = specCommands(),
): Command {
  const program = addGlobalOptions(
    new Command("greenspec")
      .description(
        "Call Green API's WhatsApp group methods from the command line. Every command below is " +
          "read from the greenspec OpenAPI document.\n" +
          `Credentials come from ${ID_VARIABLE} and ${TOKEN_VARIABLE}, in the environment or in ` +
          "a .env file in the current directory, never from a flag.",
      )
      .version(version),
  )
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    // Long flag names would otherwise leave the descriptions unwrapped.
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false, minWidthToWrap: 24 })
    .showHelpAfterError("(add --help to see the options)")
    .exitOverride();

  for (const command of commands) addOperationCommand(program, command, runner);
  addBulkCommand(program, commands, runner);
  return program;
}
