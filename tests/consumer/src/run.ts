import { type CommandResult, runCommand } from "@greenspec/test-helpers";

/**
 * Runs a command to its end; if it outlives `timeoutMs`, kills it with every process it started
 * (such as a mock server). Never throws on exit codes.
 */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  return runCommand(command, args, { ...options, killGroup: true });
}

/** The environment a user's shell would have: without the variables `pnpm run` adds. */
export function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_/i.test(key)),
  );
}
