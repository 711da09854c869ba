// The group job killed with SIGKILL at 20+ different points and resumed with --resume, against the
// emulator over HTTP: no one added twice, no second invite, the token never in the journal, and
// the same members and the same summary as a run never killed.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createGreenApi } from "@greenspec/client";
import { startEmulator } from "@greenspec/emulator";
import { describe, expect, it } from "vitest";
import { CLI, credentialsEnv, emptyDir, ID, runCli, TOKEN } from "./run-cli.js";

const MEMBER = "79001234400@c.us";
// 6 addable, 4 refusing (the magic 7777), 2 without WhatsApp, one already a member, one repeat.
const PEOPLE = [
  "79001234401",
  "79001237777",
  "79001234402",
  "79001230000",
  "79001234403",
  "79001217777",
  "79001234404",
  "79001234400",
  "79001234405",
  "79001227777",
  "79001234406",
  "79001230000",
];

interface Run {
  summary: { counts: Record<string, number>; results: { outcome: string }[] };
  members: string[];
  messagesPerChat: Record<string, number>;
  journal: string;
}

/** A fresh emulator over HTTP with the group made; the same seed gives the same group each time. */
async function world() {
  const server = await startEmulator({ port: 0, seed: 7 });
  const api = createGreenApi({ idInstance: ID, apiTokenInstance: TOKEN, apiUrl: server.url });
  const { chatId } = await api.createGroup({ groupName: "Kill test", chatIds: [MEMBER] });
  const dir = emptyDir();
  const file = join(dir, "people.csv");
  writeFileSync(file, `phone\n${PEOPLE.join("\n")}\n`);
  const args = (extra: string[]) => [
    "add-group-participants",
    "--group-id",
    chatId as string,
    "--from",
    file,
    "--invite",
    "Join us: {link}",
    "--journal",
    join(dir, "run.jsonl"),
    "--api-url",
    server.url,
    "--json",
    ...extra,
  ];
  return { server, dir, args, journalPath: join(dir, "run.jsonl") };
}

async function finish(w: Awaited<ReturnType<typeof world>>, stdout: string): Promise<Run> {
  const snapshot = w.server.emulator.snapshot();
  const messagesPerChat: Record<string, number> = {};
  for (const m of snapshot.messages)
    messagesPerChat[m.chatId] = (messagesPerChat[m.chatId] ?? 0) + 1;
  await w.server.close();
  return {
    summary: JSON.parse(stdout),
    members: (snapshot.groups[0]?.participants.map((p) => p.id) ?? []).sort(),
    messagesPerChat,
    journal: readFileSync(w.journalPath, "utf8"),
  };
}

/** Where to kill: once the journal has `lines` lines, after `ms`, or once the emulator holds `messages` messages (the answer then still on its way). */
type KillPoint = { lines?: number; ms?: number; messages?: number };

/** Starts the job and kills it (SIGKILL) at the point. */
function runUntilKilled(w: Awaited<ReturnType<typeof world>>, at: KillPoint) {
  const args = w.args([]);
  const journal = w.journalPath;
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: credentialsEnv(),
      stdio: "ignore",
    });
    const started = Date.now();
    const poll = setInterval(() => {
      const lines = existsSync(journal) ? readFileSync(journal, "utf8").split("\n").length - 1 : 0;
      const due =
        at.lines !== undefined
          ? lines >= at.lines
          : at.messages !== undefined
            ? w.server.emulator.snapshot().messages.length >= at.messages
            : Date.now() - started >= (at.ms ?? 0);
      if (due || Date.now() - started > 20_000) child.kill("SIGKILL");
    }, 1);
    child.once("error", reject);
    child.once("exit", () => {
      clearInterval(poll);
      resolve();
    });
  });
}

async function killedAndResumed(at: KillPoint): Promise<Run> {
  const w = await world();
  await runUntilKilled(w, at);
  // Killed before the journal was made: nothing to resume, so the run starts over.
  const resumed = await runCli(w.args(existsSync(w.journalPath) ? ["--resume"] : []), {
    timeoutMs: 30_000,
  });
  expect(resumed.stderr, JSON.stringify(at)).not.toContain("error");
  return finish(w, resumed.stdout);
}

describe("add-group-participants --journal, killed and resumed", () => {
  it("ends like a run never killed, at 20+ kill points, with no second invite", {
    timeout: 240_000,
  }, async () => {
    const w = await world();
    const whole = await runCli(w.args([]), { timeoutMs: 30_000 });
    const reference = await finish(w, whole.stdout);
    expect(reference.summary.counts).toMatchObject({
      added: 6,
      invited: 3,
      "no-whatsapp": 1,
      duplicate: 1,
    });
    const lineCount = reference.journal.split("\n").length - 1;
    // Every line boundary of the journal, then kills by time (mid-step, perhaps mid-write).
    const points = [
      ...Array.from({ length: lineCount }, (_, k) => ({ lines: k })),
      ...[100, 400, 700, 1000].map((ms) => ({ ms })),
      ...[1, 2, 3].map((messages) => ({ messages })),
    ];
    expect(points.length).toBeGreaterThanOrEqual(20);
    for (let i = 0; i < points.length; i += 3) {
      const runs = await Promise.all(points.slice(i, i + 3).map(killedAndResumed));
      for (const [j, run] of runs.entries()) {
        const at = JSON.stringify(points[i + j]);
        expect(run.summary.counts, at).toEqual(reference.summary.counts);
        expect(run.members, at).toEqual(reference.members);
        for (const [chat, n] of Object.entries(run.messagesPerChat))
          expect(n, `${at} ${chat}`).toBe(1);
        expect(run.journal, at).not.toContain(TOKEN);
      }
    }
  });

  it("refuses a journal that is not one, and a template without {link}, before anything is sent", async () => {
    const w = await world();
    writeFileSync(w.journalPath, "hello\nworld\n");
    const notJournal = await runCli(w.args(["--resume"]));
    expect(notJournal.code).toBe(2);
    expect(notJournal.stderr).toContain("not a journal");
    const args = w.args([]);
    args[args.indexOf("Join us: {link}")] = "Join us";
    const noLink = await runCli(args);
    expect(noLink.code).toBe(2);
    expect(noLink.stderr).toContain("{link}");
    expect(w.server.emulator.journal.filter((e) => e.operation !== "createGroup")).toEqual([]);
    await w.server.close();
  });
});
