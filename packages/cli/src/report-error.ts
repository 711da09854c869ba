// What the user sees when a command fails, and its exit code.
import { GreenApiError } from "@greenspec/client";
import { EXIT_REFUSED, EXIT_USAGE, UsageError } from "./exit-codes.js";
import type { GlobalOptions } from "./global-options.js";
import type { Output } from "./output.js";

export function reportError(error: unknown, options: GlobalOptions, io: Output): number {
  if (error instanceof UsageError) {
    if (options.json) io.json({ error: { kind: "usage", message: error.message } });
    io.err(`error: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof GreenApiError) {
    const code = error.kind === "validation" ? EXIT_USAGE : EXIT_REFUSED;
    if (options.json) io.json({ error: { kind: error.kind, message: error.message } });
    io.err(`error (${error.kind}): ${error.message}\n`);
    return code;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (options.json) io.json({ error: { kind: "internal", message } });
  io.err(`error: ${message}\n`);
  return EXIT_REFUSED;
}
