// A command's connection to the service: the client (against the mock for --mock, the emulator
// for --emulator), the options every call carries, and the masked output. Errors become exit
// codes here.
import { createGreenApi } from "@greenspec/client/bulk";
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

/** Builds the client (starting the mock or the emulator), runs the work, maps errors to exit codes. */
export async function withSession(
  options: GlobalOptions,
  credentials: Credentials,
  io: Output,
  work: (session: Session) => Promise<number>,
): Promise<number> {
  let mock: { url: string; close(): Promise<void> } | undefined;
  try {
    const hosts = [
      options.mock && "--mock",
      options.emulator && "--emulator",
      options.apiUrl && "--api-url",
    ];
    const given = hosts.filter(Boolean);
    if (given.length > 1)
      throw new UsageError(`${given.join(" and ")} each pick the host: give only one.`);
    let { idInstance, apiTokenInstance } = credentials;
    let target: { apiUrl?: string; fetch?: typeof fetch } = {};
    if (options.mock) {
      mock = await (await loadMock()).startMock();
      target = { apiUrl: mock.url };
    } else if (options.emulator) {
      const { createEmulator } = await import("@greenspec/emulator");
      // The emulator answers through its own fetch: no socket, and any absolute URL will do.
      target = { apiUrl: "http://emulator.invalid", fetch: createEmulator().fetch };
    }
    if (options.mock || options.emulator) {
      const placeholders = placeholderCredentials();
      idInstance ??= placeholders.idInstance;
      apiTokenInstance ??= placeholders.apiTokenInstance;
    }
    if (!idInstance || !apiTokenInstance) {
      throw new UsageError(
        `no credentials: set ${ID_VARIABLE} and ${TOKEN_VARIABLE} in the environment or in a ` +
          ".env file in the current directory (or add --emulator or --mock to try it locally).",
      );
    }
    const apiUrl = target.apiUrl ?? options.apiUrl ?? credentials.apiUrl;
    const api = createGreenApi({
      idInstance,
      apiTokenInstance,
      ...(apiUrl !== undefined ? { apiUrl } : {}),
      ...(target.fetch !== undefined ? { fetch: target.fetch } : {}),
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

/** @greenspec/mock is an optional peer (it brings Prism, about 100 MB): say how to get it. */
async function loadMock(): Promise<typeof import("@greenspec/mock")> {
  try {
    return await import("@greenspec/mock");
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    // Only the package itself missing; a broken install of it is its own error.
    if (code !== "ERR_MODULE_NOT_FOUND" || !message?.includes("'@greenspec/mock'")) throw error;
    throw new UsageError(
      "--mock needs the optional package @greenspec/mock (it brings Prism): install it beside " +
        "@greenspec/cli, or use --emulator, which needs nothing more.",
    );
  }
}
