// The command of one operation: a flag per body field, the call, the exit code.
import type { Command } from "commander";
import { callOperation } from "./call-operation.js";
import type { SpecCommand } from "./commands.js";
import { optionFor } from "./flags.js";
import { GLOBAL_FLAGS, type GlobalOptions } from "./global-options.js";
import { helpDescription } from "./help-text.js";
import { bodyFrom } from "./request-body.js";
import type { Runner } from "./session.js";

export function addOperationCommand(program: Command, spec: SpecCommand, runner: Runner): void {
  const command = program
    .command(spec.command)
    .summary(spec.summary)
    .description(helpDescription(spec));
  for (const field of spec.fields) {
    if (GLOBAL_FLAGS.has(field.flag))
      throw new Error(`${spec.operation.id}.${field.name} clashes with a greenspec option`);
    const option = optionFor(field);
    // A required flag that takes a value; a boolean flag's absence is left to the validator.
    if (field.required && option.required) option.makeOptionMandatory();
    command.addOption(option);
  }
  command.action(async (values: Record<string, unknown>, self: Command) => {
    await runner(self.optsWithGlobals<GlobalOptions>(), async (session) =>
      callOperation(session, spec, await bodyFrom(spec, values)),
    );
  });
}
