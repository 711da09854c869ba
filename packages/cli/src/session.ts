// A command's connection to the service: the client (against the mock for --mock), the options
// every call carries, and the masked output. Errors become exit codes here.
import { createGreenApi } from "@greenspec/client";
import { placeholderCredentials } from "./commands.js";
import { type Credentials, ID_VARIABLE, TOKEN_VARIABLE } from "./credentials.js";
import { UsageError } from "./exit-codes.js";
import type { GlobalOptions } from "./global-options.js";
import type { Output } from "./output.js";
import { reportError } from "./report-error.js";

export interface Session {
  api: ReturnType<typeof createGreenApi>;
  options: GlobalOptions;
  io: Output;
  /** Per-call options every request carries (timeout, the hidden Prefer header). */
  callOptions: { timeout?: number; headers?: Record<string, string> };
}

/** Runs a command's work in a session; resolves once the exit code is known. */
export type Runner = (
  options: GlobalOptions,
  work: (session: Session) => Promise<number>,
) => Promise<void>;

/** Builds the client (starting the mock for --mock), runs the work, maps errors to exit codes. */
export async function withSession(
  options: GlobalOptions,
  credentials: Credentials,
  io: Output,
  work: (session: Session) => Promise<number>,
): Promise<number> {
  let mock: { url: string; close(): Promise<void> } | undefined;
  try {
    if (options.mock && options.apiUrl)
      throw new UsageError("--mock and --api-url both pick the host: give only one.");
    let { idInstance, apiTokenInstance } = credentials;
    if (options.mock) {
      const { startMock } = await import("@greenspec/mock");
      mock = await startMock();
      const placeholders = placeholderCredentials();
      idInstance ??= placeholders.idInstance;
      apiTokenInstance ??= placeholders.apiTokenInstance;
    }
    if (!idInstance || !apiTokenInstance) {
      throw new UsageError(
        `no credentials: set ${ID_VARIABLE} and ${TOKEN_VARIABLE} in the environment or in a ` +
          ".env file in the current directory (or add --mock to try the bundled mock).",
      );
    }
    const apiUrl = mock?.url ?? options.apiUrl ?? credentials.apiUrl;
    const api = createGreenApi({
      idInstance,
      apiTokenInstance,
      ...(apiUrl !== undefined ? { apiUrl } : {}),
    });
    const callOptions: Session["callOptions"] = {};
    if (options.timeout !== undefined) callOptions.timeout = options.timeout;
    if (options.prefer !== undefined) callOptions.headers = { Prefer: options.prefer };
    return await work({ api, options, io, callOptions });
  } catch (error) {
    return reportError(error, options, io);
  } finally {
    await mock?.close();
  }
}
