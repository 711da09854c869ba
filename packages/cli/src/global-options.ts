// The options every command takes, and how their values are checked.
import { type Command, InvalidArgumentError, Option } from "commander";

export interface GlobalOptions {
  apiUrl?: string;
  mock?: boolean;
  emulator?: boolean;
  json?: boolean;
  timeout?: number;
  prefer?: string;
}

/** Flags a body field may not take: the global ones, and commander's own. */
export const GLOBAL_FLAGS = new Set([
  "api-url",
  "mock",
  "emulator",
  "json",
  "timeout",
  "prefer",
  "help",
  "version",
]);

// The longest delay a Node timer holds (2^31-1 ms, about 24.8 days); a longer one fires at once.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A timeout in whole milliseconds, from 1 up to what a timer can hold. */
export function parseTimeout(value: string): number {
  const ms = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(ms) || ms < 1 || ms > MAX_TIMER_MS)
    throw new InvalidArgumentError(`expected whole milliseconds from 1 to ${MAX_TIMER_MS}.`);
  return ms;
}

export function addGlobalOptions(program: Command): Command {
  return (
    program
      .option("--api-url <url>", "The API host of your instance (default: the spec's server).")
      .option(
        "--mock",
        "Start the contract mock (Prism, from the optional @greenspec/mock) and send the request to it.",
      )
      .option(
        "--emulator",
        "Send the request to a fresh in-process emulator of the service (no network, no state kept).",
      )
      .option("--json", "Print machine-readable JSON on stdout.")
      .option("--timeout <ms>", "Give up a request after this many milliseconds.", parseTimeout)
      // Contract tests pick a mock answer with Prism's Prefer header (`example=notAdded`).
      .addOption(new Option("--prefer <value>", "Prefer header for the mock").hideHelp())
  );
}
