import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename } from "node:path";
import { createGreenApi, GreenApiError, redactor } from "@greenspec/client";
import { Command, CommanderError, Option } from "commander";
import { addParticipantsFromFile, BULK_COMMAND } from "./bulk-command.js";
import {
  type Credentials,
  findSecretFlag,
  ID_VARIABLE,
  readCredentials,
  secretFlagMessage,
  TOKEN_VARIABLE,
} from "./credentials.js";
import { optionKey, optionsFor, parseInteger } from "./flags.js";
import {
  EXIT_OK,
  EXIT_REFUSED,
  EXIT_USAGE,
  formatAnswer,
  type Io,
  refusedFields,
  UsageError,
} from "./output.js";
import { participantFields } from "./participants-file.js";
import {
  deriveCommands,
  loadSpec,
  placeholderCredentials,
  type SpecCommand,
} from "./spec-commands.js";

export interface GlobalOptions {
  apiUrl?: string;
  mock?: boolean;
  json?: boolean;
  timeout?: number;
  prefer?: string;
}

/** What a command needs to reach the service: a client, and a way to print without secrets. */
export interface Session {
  api: ReturnType<typeof createGreenApi>;
  options: GlobalOptions;
  io: Io;
  /** Per-call options every request carries (timeout, the hidden Prefer header). */
  callOptions: { timeout?: number; headers?: Record<string, string> };
}

type Operation = (body: unknown, options?: Record<string, unknown>) => Promise<unknown>;

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

const GLOBAL_FLAGS = new Set(["api-url", "mock", "json", "timeout", "prefer", "help", "version"]);

/** Parses argv (without node and the script) and runs the command; resolves to the exit code. */
export async function run(argv: readonly string[], io: Io, env = process.env): Promise<number> {
  const secretFlag = findSecretFlag(argv);
  if (secretFlag !== undefined) {
    io.err(`error: ${secretFlagMessage(secretFlag)}\n`);
    return EXIT_USAGE;
  }
  let exitCode = EXIT_OK;
  const credentials = readCredentials(env);
  // The client's own masking: the token in every spelling a URL or message may carry.
  const redact = redactor(credentials.apiTokenInstance);
  const safeIo: Io = { out: (t) => io.out(redact(t)), err: (t) => io.err(redact(t)) };
  const program = buildProgram(safeIo, async (options, runCommand) => {
    exitCode = await withSession(options, credentials, safeIo, runCommand);
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    throw error;
  }
  return exitCode;
}

type Runner = (
  options: GlobalOptions,
  runCommand: (session: Session) => Promise<number>,
) => Promise<void>;

export function buildProgram(io: Io, runner: Runner, spec = loadSpec()): Command {
  const program = new Command("greenspec")
    .description(
      "Call Green API's WhatsApp group methods from the command line. Every command below is " +
        "read from the greenspec OpenAPI document.\n" +
        `Credentials come from ${ID_VARIABLE} and ${TOKEN_VARIABLE}, in the environment or in ` +
        "a .env file in the current directory, never from a flag.",
    )
    .version(version)
    .option("--api-url <url>", "The API host of your instance (default: the spec's server).")
    .option("--mock", "Start the bundled mock (Prism) and send the request to it.")
    .option("--json", "Print machine-readable JSON on stdout.")
    .option("--timeout <ms>", "Give up a request after this many milliseconds.", parseInteger)
    // Contract tests pick a mock answer with Prism's Prefer header (`example=notAdded`).
    .addOption(new Option("--prefer <value>", "Prefer header for the mock").hideHelp())
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    // Long flag names would otherwise leave the descriptions unwrapped.
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false, minWidthToWrap: 24 })
    .showHelpAfterError("(add --help to see the options)")
    .exitOverride();

  const commands = deriveCommands(spec);
  for (const command of commands) addSpecCommand(program, command, runner);
  addBulkCommand(program, commands, runner);
  return program;
}

function addSpecCommand(program: Command, spec: SpecCommand, runner: Runner): void {
  const command = program
    .command(spec.command)
    .summary(spec.summary)
    .description(helpDescription(spec));
  for (const field of spec.fields) {
    if (GLOBAL_FLAGS.has(field.flag))
      throw new Error(`${spec.operationId}.${field.name} clashes with a greenspec option`);
    for (const option of optionsFor(field)) {
      if (field.required && option.required) option.makeOptionMandatory();
      command.addOption(option);
    }
  }
  command.action(async (values: Record<string, unknown>, self: Command) => {
    await runner(self.optsWithGlobals<GlobalOptions>(), async (session) => {
      const body = await bodyFrom(spec, values);
      return callOperation(session, spec, body);
    });
  });
}

/** Markdown prose as terminal text: paragraphs joined into lines, emphasis marks dropped. */
function plainText(markdown: string): string {
  return markdown
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .replace(/\s*\n\s*/g, " ")
        .replace(/\*\*/g, "")
        .trim(),
    )
    .filter((paragraph) => paragraph !== "")
    .join("\n\n");
}

function helpDescription(spec: SpecCommand): string {
  const lines = [`${spec.summary}.`, "", plainText(spec.description)];
  if (spec.alternatives.length > 1) {
    const flags = spec.alternatives.map((names) =>
      names.map((name) => `--${spec.fields.find((f) => f.name === name)?.flag}`).join(" "),
    );
    lines.push("", `Give exactly one of: ${flags.join(", ")}.`);
  }
  const example = Object.values(spec.examples)[0];
  if (example) {
    const args = spec.fields
      .filter((field) => example[field.name] !== undefined)
      .map((field) => {
        const value = example[field.name];
        if (field.kind === "file") return `--${field.flag} picture.jpg`;
        if (Array.isArray(value)) return `--${field.flag} ${value.join(" ")}`;
        return `--${field.flag} ${String(value)}`;
      });
    lines.push("", `Example: greenspec ${spec.command} ${args.join(" ")}`);
  }
  return lines.join("\n").trim();
}

/** The request body from parsed flags: spec field names, files read into Blobs. */
async function bodyFrom(
  spec: SpecCommand,
  values: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const value = values[optionKey(field)];
    if (value === undefined) continue;
    if (field.kind === "file") {
      const path = String(value);
      const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(
          `--${field.flag}: cannot read ${path} (${error.code ?? error.message})`,
        );
      });
      body[field.name] = new File([bytes], basename(path), { type: field.mediaType ?? "" });
    } else {
      body[field.name] = value;
    }
  }
  return body;
}

async function callOperation(
  session: Session,
  spec: SpecCommand,
  body: Record<string, unknown>,
): Promise<number> {
  const operation = (session.api as unknown as Record<string, Operation>)[spec.operationId];
  if (typeof operation !== "function")
    throw new Error(`the client has no method ${spec.operationId}`);
  const answer = await operation.call(session.api, body, session.callOptions);
  const refused = refusedFields(answer, spec.outcomeFields);
  const { io, options } = session;
  if (options.json) io.out(`${JSON.stringify(answer)}\n`);
  else io.out(`${formatAnswer(answer)}\n`);
  if (refused.length === 0) return EXIT_OK;
  if (!options.json)
    io.err(`The service said no (${refused.map((f) => `${f}: false`).join(", ")}).\n`);
  return EXIT_REFUSED;
}

function addBulkCommand(program: Command, commands: SpecCommand[], runner: Runner): void {
  const single = commands.find((c) => c.operationId === BULK_COMMAND.operationId);
  const fields = single && participantFields(single);
  if (!single || !fields) return;
  const groupId = single.fields.find((f) => f.name === "groupId");
  program
    .command(BULK_COMMAND.command)
    .summary(`Add everyone listed in a file to a group (paced ${single.operationId} calls)`)
    .description(
      `Adds everyone listed in a file to a group, one ${single.operationId} call each, paced ` +
        `to the documented rate limit${single.requestsPerSecond ? ` (${single.requestsPerSecond} per second)` : ""}` +
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

/** Builds the client (starting the mock for --mock), runs the command, maps errors to codes. */
async function withSession(
  options: GlobalOptions,
  credentials: Credentials,
  io: Io,
  runCommand: (session: Session) => Promise<number>,
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
    return await runCommand({ api, options, io, callOptions });
  } catch (error) {
    return reportError(error, options, io);
  } finally {
    await mock?.close();
  }
}

function reportError(error: unknown, options: GlobalOptions, io: Io): number {
  if (error instanceof UsageError) {
    if (options.json)
      io.out(`${JSON.stringify({ error: { kind: "usage", message: error.message } })}\n`);
    io.err(`error: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof GreenApiError) {
    const code = error.kind === "validation" ? EXIT_USAGE : EXIT_REFUSED;
    if (options.json)
      io.out(`${JSON.stringify({ error: { kind: error.kind, message: error.message } })}\n`);
    io.err(`error (${error.kind}): ${error.message}\n`);
    return code;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (options.json) io.out(`${JSON.stringify({ error: { kind: "internal", message } })}\n`);
  io.err(`error: ${message}\n`);
  return EXIT_REFUSED;
}
