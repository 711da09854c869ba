// One run of the CLI: refuse secrets in flags, read the credentials, mask the token in all
// output, parse the arguments and resolve to the exit code.
import { redactor } from "@greenspec/redact";
import { CommanderError } from "commander";
import { findSecretFlag, readCredentials, secretFlagMessage } from "./credentials.js";
import { EXIT_OK, EXIT_USAGE } from "./exit-codes.js";
import { type Io, maskedOutput } from "./output.js";
import { buildProgram } from "./program.js";
import { withSession } from "./session.js";

/** Parses argv (without node and the script) and runs the command; resolves to the exit code. */
export async function run(argv: readonly string[], io: Io, env = process.env): Promise<number> {
  const secretFlag = findSecretFlag(argv);
  if (secretFlag !== undefined) {
    io.err(`error: ${secretFlagMessage(secretFlag)}\n`);
    return EXIT_USAGE;
  }
  let exitCode = EXIT_OK;
  const credentials = readCredentials(env);
  // The one masking rule (@greenspec/redact): the token in every spelling, and any piece of it.
  const output = maskedOutput(io, redactor(credentials.apiTokenInstance));
  const program = buildProgram(output, async (options, work) => {
    exitCode = await withSession(options, credentials, output, work);
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    throw error;
  }
  return exitCode;
}
