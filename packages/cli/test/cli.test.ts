import { execFileSync, spawn, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { echoesOf, leakedPieces } from "@greenspec/redact";
import { model } from "@greenspec/spec/model";
import { describe, expect, inject, it } from "vitest";
import { type SpecCommand, specCommands } from "../src/commands.js";
import { CLI, cleanEnv, credentialsEnv, emptyDir, ID, runCli, TOKEN } from "./run-cli.js";

const mockUrl = inject("mockUrl");
const commands = specCommands();

const GROUP_ID = "79001234567-1587570015@g.us";
const PHONE = "79001234568";
const CHAT_ID = "79001234568@c.us";
/** `add-group-participant` for the test group; the participant and other flags follow. */
const ADD = ["add-group-participant", "--group-id", GROUP_ID];
/** Points the command at the mock this run started. */
const TO_MOCK = ["--api-url", mockUrl];

/** `add-group-participants` reading `file` for a group, sent to the mock this run started. */
function addFromFileArgs(file: string, groupId = GROUP_ID): string[] {
  return ["add-group-participants", "--group-id", groupId, "--from", file, ...TO_MOCK];
}

/** Writes `text` to a file named `name` in a fresh directory and returns the file's path. */
function writePeople(text: string, name = "people.txt"): string {
  const file = join(emptyDir(), name);
  writeFileSync(file, text);
  return file;
}

/** The smallest JPEG header the tests upload; the mock checks the part is there, not the pixels. */
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xd9]);

/** Flags for one of the spec's request examples, written as a person would type them. */
function argsFor(command: SpecCommand, example: Record<string, unknown>, dir: string): string[] {
  const args: string[] = [];
  for (const field of command.fields) {
    const value = example[field.name];
    if (value === undefined) continue;
    if (field.kind === "file") {
      const path = join(dir, "picture.jpg");
      writeFileSync(path, JPEG);
      args.push(`--${field.flag}`, path);
    } else if (Array.isArray(value)) {
      args.push(`--${field.flag}`, ...value.map(String));
    } else if (field.kind === "boolean") {
      args.push(value ? `--${field.flag}` : `--${field.flag}=false`);
    } else {
      args.push(`--${field.flag}`, String(value));
    }
  }
  return args;
}

/** Every example answer the spec gives for an operation's 200. */
function successExamples(operationId: string): unknown[] {
  return model.operation(operationId).success.examples.map((example) => example.value);
}

// A command without a body (a GET) is run once with no body flags.
const cases = commands.flatMap((command) =>
  command.operation.request !== undefined
    ? Object.entries(command.examples).map(([name, example]) => ({ command, name, example }))
    : [{ command, name: "no body", example: {} }],
);

describe("one command per operation, against the mock", () => {
  it("has a request example for every command", () => {
    for (const command of commands.filter((c) => c.operation.request !== undefined))
      expect(Object.keys(command.examples).length, command.operation.id).toBeGreaterThan(0);
  });

  it.each(cases)(
    "$command.command sends the $name example and prints the answer as JSON",
    async ({ command, example }) => {
      const dir = emptyDir();
      const result = await runCli([
        command.command,
        ...argsFor(command, example, dir),
        ...TO_MOCK,
        "--json",
      ]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(successExamples(command.operation.id)).toContainEqual(JSON.parse(result.stdout));
    },
  );

  it("exits 1 with the answer when the service says no", async () => {
    const result = await runCli([
      ...ADD,
      "--participant-phone",
      PHONE,
      ...TO_MOCK,
      "--prefer",
      "example=notAdded",
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("addParticipant: false");
    expect(result.stderr).toContain("The service said no");
  });

  it("prints a human answer without --json", async () => {
    const result = await runCli([...ADD, "--participant-chat-id", CHAT_ID, ...TO_MOCK]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("addParticipant: true\n");
  });

  it("prints an error answer's kind and message, never the token", async () => {
    const result = await runCli([
      ...ADD,
      "--participant-phone",
      PHONE,
      ...TO_MOCK,
      "--json",
      "--prefer",
      "code=401",
    ]);
    expect(result.code).toBe(1);
    const { error } = JSON.parse(result.stdout) as { error: { kind: string; message: string } };
    expect(error.kind).toBeTruthy();
    expect(error.message).toBeTruthy();
    expect(result.stderr).toMatch(new RegExp(`^error \\(${error.kind}\\): `));
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });
});

describe("bad input and usage exit 2", () => {
  it("refuses a phone that is not a whole number, naming the flag", async () => {
    const result = await runCli([...ADD, "--participant-phone", "12ab", ...TO_MOCK]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--participant-phone");
    expect(result.stderr).toContain("expected a whole number");
  });

  it("names a phone that is too short in the user's words, with the value given", async () => {
    const result = await runCli([...ADD, "--participant-phone", "12345", "--emulator"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "participantPhone must be a phone number of 7 to 15 digits, country code first, no +, got 12345",
    );
    expect(result.stderr).not.toMatch(/>=|must match/);
  });

  it("refuses a phone too large for JavaScript to hold exactly", async () => {
    const result = await runCli([...ADD, "--participant-phone", "90071992547409931", ...TO_MOCK]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("2^53-1");
  });

  it("refuses an unknown flag", async () => {
    const result = await runCli([...ADD, "--participant", "x", ...TO_MOCK]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--participant'");
  });

  it("refuses an unknown command", async () => {
    const result = await runCli(["add-group-participantz"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command");
  });

  it("refuses a missing required field before any request", async () => {
    const result = await runCli(["add-group-participant", "--participant-phone", PHONE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--group-id");
  });

  it("refuses both participant fields with the client's validation error", async () => {
    const result = await runCli([
      ...ADD,
      "--participant-phone",
      PHONE,
      "--participant-chat-id",
      CHAT_ID,
      ...TO_MOCK,
      "--json",
    ]);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).error.kind).toBe("validation");
    expect(result.stderr).toMatch(/^error \(validation\): /);
  });

  it.each([["--token", "abc"], ["--token=abc"], ["--api-token-instance", "abc"]])(
    "refuses %s and explains why a token never goes in a flag",
    async (...flag) => {
      const result = await runCli([...ADD, "--participant-phone", PHONE, ...flag]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("shell history");
      expect(result.stderr).toContain("GREEN_API_TOKEN");
      expect(result.stdout).toBe("");
    },
  );

  it("asks for credentials when none are set", async () => {
    const result = await runCli([...ADD, "--participant-phone", PHONE], { env: cleanEnv() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("GREEN_API_ID_INSTANCE");
  });
});

describe("credentials and hosts", () => {
  it("reads the credentials from .env in the current directory", async () => {
    const dir = emptyDir();
    writeFileSync(join(dir, ".env"), `GREEN_API_ID_INSTANCE=${ID}\nGREEN_API_TOKEN=${TOKEN}\n`);
    const result = await runCli([...ADD, "--participant-phone", PHONE, ...TO_MOCK], {
      env: cleanEnv(),
      cwd: dir,
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  // Prism may take long to start on a busy machine: the same bound as runCli's own.
  it("starts the bundled mock with --mock and needs no credentials", async () => {
    const result = await runCli([...ADD, "--participant-phone", PHONE, "--mock", "--json"], {
      env: cleanEnv(),
      timeoutMs: 60_000,
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ addParticipant: true });
  }, 60_000);

  it("runs a command without a body (a GET) against the emulator: no body flags, the state printed", async () => {
    const result = await runCli(["get-state-instance", "--emulator"], { env: cleanEnv() });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe("stateInstance: authorized");
  });

  it("sends the request to an in-process emulator with --emulator and needs no credentials", async () => {
    const result = await runCli(
      [
        "create-group",
        "--group-name",
        "Team",
        "--chat-ids",
        "79001234568@c.us",
        "--emulator",
        "--json",
      ],
      { env: cleanEnv() },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      created: true,
      chatId: expect.stringMatching(/@g\.us$/),
    });
  });

  it.each([
    [["--emulator", "--mock"], "--mock and --emulator"],
    [["--emulator", "--api-url", "http://127.0.0.1:9"], "--emulator and --api-url"],
  ])("refuses %j as a usage error (both pick the host)", async (flags, named) => {
    const result = await runCli([...ADD, "--participant-phone", PHONE, ...flags], {
      env: credentialsEnv(),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(named);
    expect(result.stdout).toBe("");
  });
});

describe("help", () => {
  it("lists each field of a command with the spec's description and type", async () => {
    const result = await runCli(["add-group-participant", "--help"]);
    expect(result.code).toBe(0);
    const add = commands.find((c) => c.operation.id === "addGroupParticipant");
    for (const field of add?.fields ?? []) {
      expect(result.stdout).toContain(`--${field.flag}`);
      // commander wraps long lines: compare the first words of the description.
      expect(result.stdout).toContain(field.description.split(" ").slice(0, 4).join(" "));
    }
    expect(result.stdout).toContain("--participant-phone <integer>");
    expect(result.stdout).toContain("Give exactly one of");
  });

  it("gives each flag a line or two of help, not the spec's whole reasoning", async () => {
    const result = await runCli(["add-group-participant", "--help"]);
    const options = result.stdout.split(/^Options:$/m)[1]?.split(/^Global Options:$/m)[0] ?? "";
    const perFlag = options.split(/^ {2}(?=-)/m).filter((block) => block.trim() !== "");
    expect(perFlag.length).toBeGreaterThanOrEqual(3);
    for (const block of perFlag)
      expect(block.trim().split("\n").length, block).toBeLessThanOrEqual(3);
    expect(options).toContain("A phone number of 7 to 15 digits");
    expect(options).not.toContain("Why these bounds");
  });

  it("prints the package's version", async () => {
    const { version } = JSON.parse(
      readFileSync(new URL("../package.json", import.meta.url), "utf8"),
    );
    const result = await runCli(["--version"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it("shows the usage and exits 2 when no command is given", async () => {
    const result = await runCli([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Usage: greenspec");
  });

  it("lists every operation of the spec as a command", async () => {
    const result = await runCli(["--help"]);
    expect(result.code).toBe(0);
    for (const command of commands) expect(result.stdout).toContain(command.command);
    expect(result.stdout).toContain("add-group-participants");
    expect(result.stdout).not.toContain("--prefer");
  });
});

describe("add-group-participants from a file", () => {
  const fileLines = [
    "# people to add",
    "79001234568@c.us",
    "79001234569",
    "79001234568",
    "hello",
    "+7 900 123-45-70",
  ];

  function runBulk(extra: string[] = []) {
    return runCli([...addFromFileArgs(writePeople(`${fileLines.join("\n")}\n`)), ...extra]);
  }

  it("adds each person once, reports the duplicate and the invalid line, and exits 1", async () => {
    const result = await runBulk(["--json"]);
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary.counts).toEqual({
      added: 3,
      notAdded: 0,
      failed: 1,
      duplicates: 1,
      notAttempted: 0,
    });
    expect(
      summary.results.map((r: { line: number; status: string }) => [r.line, r.status]),
    ).toEqual([
      [2, "added"],
      [3, "added"],
      [4, "duplicate"],
      [5, "failed"],
      [6, "added"],
    ]);
    expect(summary.results[2].duplicateOfLine).toBe(2);
    expect(summary.results[3].error.kind).toBe("validation");
  });

  it("prints plain progress lines when not on a terminal, then a summary with reasons", async () => {
    const result = await runBulk();
    expect(result.code).toBe(1);
    const progress = result.stderr.split("\n").filter((line) => line.startsWith("progress "));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe("progress 5/5");
    expect(result.stderr).not.toContain("\u001b[");
    expect(result.stdout).toContain("added 3, not added 0, failed 1, duplicates 1");
    expect(result.stdout).toMatch(/line 4 79001234568: duplicate of line 2/);
    expect(result.stdout).toMatch(/line 5 hello: failed: validation: /);
  });

  it("reports people the service did not add and exits 1", async () => {
    const result = await runBulk(["--json", "--prefer", "example=notAdded"]);
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary.counts.notAdded).toBe(3);
    expect(summary.counts.added).toBe(0);
  });

  // util-linux `script` gives the command a pseudo-terminal, as a person's shell would.
  const hasScript = spawnSync("script", ["--version"]).status === 0;
  it.runIf(hasScript)("draws a progress bar on a terminal", () => {
    const file = writePeople("79001234568@c.us\n79001234569\n");
    const command = [process.execPath, CLI, ...addFromFileArgs(file)]
      .map((arg) => `'${arg}'`)
      .join(" ");
    // Throws, failing the test, unless the command exits 0.
    const output = execFileSync("script", ["-qec", command, "/dev/null"], {
      env: credentialsEnv(),
      cwd: dirname(file),
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(output).toContain("\u2588");
    expect(output).toMatch(/adding .* 2\/2 \(100%\)/);
    expect(output).not.toContain("progress 2/2");
    expect(output).toContain("added 2, not added 0, failed 0");
  });

  it("reads a CSV whose header names the phone column", async () => {
    const file = writePeople(
      'name,phone\n"Doe, Jane",79001234568\nJohn,+7 900 123-45-69\n',
      "people.csv",
    );
    const result = await runCli([...addFromFileArgs(file), "--json"]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.counts.added).toBe(2);
    expect(summary.results.map((r: { line: number }) => r.line)).toEqual([2, 3]);
  });

  it("refuses a bad group id with exit 2 before sending anyone", async () => {
    const result = await runCli(addFromFileArgs(writePeople("79001234568\n"), "79001234568@c.us"));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error \(validation\): .*groupId/);
    expect(result.stderr).not.toContain("progress");
  });

  it("stops on Ctrl-C and lists who was not attempted", async () => {
    const phones = Array.from({ length: 40 }, (_, i) => String(79001230000 + i));
    const file = writePeople(`${phones.join("\n")}\n`);
    const child = spawn(process.execPath, [CLI, ...addFromFileArgs(file), "--json"], {
      env: credentialsEnv(),
      cwd: dirname(file),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let interruptedAt = 0;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      if (!interruptedAt && chunk.includes("progress 3/")) {
        interruptedAt = Date.now();
        child.kill("SIGINT");
      }
    });
    const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
    clearTimeout(killer);

    expect(interruptedAt).toBeGreaterThan(0);
    expect(Date.now() - interruptedAt).toBeLessThan(2000);
    expect(code).toBe(1);
    const summary = JSON.parse(stdout);
    expect(summary.counts.notAttempted).toBeGreaterThan(30);
    expect(summary.counts.added + summary.counts.failed + summary.counts.notAttempted).toBe(40);
    expect(summary.results.at(-1).status).toBe("not-attempted");
  });

  it("refuses a file it cannot parse (an unterminated quote) with exit 2 and the line", async () => {
    const result = await runCli([
      ...addFromFileArgs(writePeople('phone\n"79001234568\n')),
      "--json",
    ]);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).error.kind).toBe("usage");
    expect(result.stderr).toMatch(/^error: --from: cannot read the file: Quote Not Closed.*line 2/);
  });

  it("refuses a missing file with exit 2", async () => {
    const result = await runCli(addFromFileArgs(join(emptyDir(), "missing.txt")));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("cannot read");
  });
});

describe("bad options", () => {
  it.each([["0"], ["-5"], ["1.5"], ["abc"], [""], ["2147483648"], ["1e3"]])(
    "refuses --timeout %j with exit 2 before any request",
    async (value) => {
      const result = await runCli([...ADD, "--participant-phone", PHONE, "--timeout", value]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--timeout.*expected whole milliseconds from 1 to 2147483647/);
      expect(result.stdout).toBe("");
    },
  );

  it("takes a timeout in range", async () => {
    const result = await runCli([
      ...ADD,
      "--participant-phone",
      PHONE,
      "--timeout",
      "5000",
      ...TO_MOCK,
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});

describe("nothing from the service or a file reaches the terminal unescaped", () => {
  /** Escapes that retitle the window, clear the screen, start a C1 sequence, reverse the text. */
  const EVIL = "\u001b]0;owned\u0007\u001b[2J\u009b31m\u202egnp.exe\r";
  /** Whether the text holds any of EVIL's raw characters. */
  const hasRaw = (text: string) =>
    [...EVIL].some((c) => (c < " " || c > "~" ? text.includes(c) : false));

  it("escapes control characters in an answer, in text and in --json (which stays valid JSON)", async () => {
    const server = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ addParticipant: false, note: EVIL }));
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const args = [...ADD, "--participant-phone", PHONE, "--api-url", url];
      const text = await runCli(args);
      expect(hasRaw(text.stdout + text.stderr)).toBe(false);
      expect(text.stdout + text.stderr).toContain("\\u001b");
      const json = await runCli([...args, "--json"]);
      expect(hasRaw(json.stdout)).toBe(false);
      expect(JSON.parse(json.stdout).note).toBe(EVIL);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

  it("escapes a participants file's raw bytes in what it reports", async () => {
    const result = await runCli(addFromFileArgs(writePeople(`79001234568\n${EVIL}\n`)));
    expect(hasRaw(result.stdout + result.stderr)).toBe(false);
  });
});

describe("the token never shows", () => {
  /** A token with characters JSON and URLs escape, so an escaped spelling cannot slip through. */
  const ODD_TOKEN = 'tok"en\\Secret/1234567890';

  /** Every 8-character piece of the token, raw and in the spellings JSON and URLs give it. */
  function leaks(text: string, token: string): string[] {
    const spellings = [token, JSON.stringify(token).slice(1, -1), encodeURIComponent(token)];
    const pieces = spellings.flatMap((s) =>
      Array.from({ length: s.length - 7 }, (_, i) => s.slice(i, i + 8)),
    );
    return pieces.filter((piece) => text.includes(piece));
  }

  /** A server on 127.0.0.1 that answers every request with `status` and a body echoing its path. */
  async function echoServer(status: number, body: (path: string) => unknown) {
    const server = createServer((req, res) => {
      const path = decodeURIComponent(req.url ?? "");
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body(path)));
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      close: () => new Promise((done) => server.close(done)),
    };
  }

  // The 466 body is not printed (only its kind and message): nothing there to mask, nothing leaks.
  it.each([
    ["a 200 answer", 200, true, (path: string) => ({ addParticipant: false, echo: { path } })],
    ["a 400 answer", 400, true, (path: string) => ({ code: 400, description: path })],
    ["a 466 answer", 466, false, (path: string) => ({ code: 466, description: "q", path })],
  ])("masks the echoed token in %s, with and without --json", async (_, status, shown, body) => {
    const server = await echoServer(status, body);
    try {
      const env = cleanEnv({ GREEN_API_ID_INSTANCE: ID, GREEN_API_TOKEN: ODD_TOKEN });
      for (const json of [["--json"], []]) {
        const args = [...ADD, "--participant-phone", PHONE, "--api-url", server.url, ...json];
        const result = await runCli(args, { env });
        expect(result.code).toBe(1);
        if (shown) expect(result.stdout + result.stderr).toContain("***");
        expect(leaks(result.stdout + result.stderr, ODD_TOKEN)).toEqual([]);
      }
    } finally {
      await server.close();
    }
  });

  it("masks every echo of the token (any case, cut, encoded) in a 200 answer it prints", async () => {
    const secret = "d75b3a66374942c5b3c019c698abc2067e151558acbd412345";
    const echoes = Object.fromEntries(echoesOf(secret));
    const server = await echoServer(200, () => ({ addParticipant: false, echoes }));
    try {
      const env = cleanEnv({ GREEN_API_ID_INSTANCE: ID, GREEN_API_TOKEN: secret });
      const args = [...ADD, "--participant-phone", PHONE, "--api-url", server.url, "--json"];
      const result = await runCli(args, { env });
      expect(result.stdout + result.stderr).toContain("***");
      expect(leakedPieces(secret, result.stdout + result.stderr)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("keeps the token out of the environment of the Prism that --mock starts", async () => {
    const child = spawn(process.execPath, [CLI, ...ADD, "--participant-phone", PHONE, "--mock"], {
      env: credentialsEnv(),
      cwd: emptyDir(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const closed = new Promise<number | null>((done) => child.once("close", done));
    let exited = false;
    void closed.then(() => {
      exited = true;
    });
    const seen = new Map<number, string>();
    // Bounded by time: Prism may take long to start on a busy machine. A process that has
    // exited shows an empty environment: only a live one's counts.
    const deadline = Date.now() + 100_000;
    while (!exited && Date.now() < deadline) {
      for (const pid of childrenOf(child.pid ?? -1)) {
        // Between fork and exec a child still shows its parent's environment: read it only once
        // the child runs Prism's process file.
        const isPrism = () => readIfThere(`/proc/${pid}/cmdline`)?.includes("prism-process");
        if (seen.has(pid) || !isPrism()) continue;
        const environ = readIfThere(`/proc/${pid}/environ`);
        if (environ) seen.set(pid, environ);
      }
      await new Promise((done) => setTimeout(done, 20));
    }
    expect(await closed).toBe(0);
    expect(seen.size).toBeGreaterThan(0);
    for (const environ of seen.values()) {
      expect(environ).not.toContain(TOKEN);
      // A real environment was read (the mock gives Prism a minimal one: PATH, HOME, locale).
      expect(environ).toContain("PATH=");
    }
  }, 120_000);
});

/** Pids whose parent is `parent`, from /proc (Linux). */
function childrenOf(parent: number): number[] {
  const listed = readIfThere(`/proc/${parent}/task/${parent}/children`) ?? "";
  return listed.split(" ").filter(Boolean).map(Number);
}

function readIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined; // the process ended between the listing and the read
  }
}
