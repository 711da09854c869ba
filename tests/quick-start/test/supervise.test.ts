// `pnpm start` serves until it is stopped, and then nothing of it stays behind holding a port:
// not when Ctrl-C or SIGTERM reaches it, not when a service dies, and not when the process that
// started it (pnpm, which passes no SIGTERM on) is killed outright, nor a wrapper around that.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const SERVICE = fixture("service.mjs");

interface Started {
  top: ChildProcess;
  supervisor: number;
  services: number[];
}

const started: Started[] = [];

/** Running, and not a zombie waiting for a parent that may never reap it. */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

async function gone(pids: number[], withinMs = 5000): Promise<boolean> {
  for (const end = Date.now() + withinMs; Date.now() < end; ) {
    if (!pids.some(alive)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !pids.some(alive);
}

/** Starts the supervisor (under a stand-in for pnpm, or directly) and reads the pids it prints. */
async function start(services: string[][], underParent: boolean | "npx"): Promise<Started> {
  const script = fixture(
    underParent === "npx" ? "npx.mjs" : underParent ? "parent.mjs" : "supervisor.mjs",
  );
  const top = spawn(process.execPath, [script, JSON.stringify(services)], {
    stdio: ["ignore", "pipe", "inherit"],
    // A process group of its own, so the test can end every stand-in it started.
    detached: true,
  });
  const line = await new Promise<string>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`no pids within 10 s: ${output}`)), 10_000);
    top.stdout?.on("data", (chunk) => {
      output += chunk;
      if (!output.includes("\n")) return;
      clearTimeout(timer);
      resolve(output.split("\n")[0] ?? "");
    });
  });
  const entry = { top, ...(JSON.parse(line) as Omit<Started, "top">) };
  started.push(entry);
  return entry;
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });

afterEach(() => {
  for (const { top, supervisor, services } of started.splice(0)) {
    for (const pid of [supervisor, ...services]) if (alive(pid)) process.kill(pid, "SIGKILL");
    try {
      if (top.pid !== undefined) process.kill(-top.pid, "SIGKILL");
    } catch {
      // The whole group is gone already.
    }
  }
});

describe("the start command's services", () => {
  it("stop when the process that started the command is killed outright", async () => {
    const { top, supervisor, services } = await start([[SERVICE], [SERVICE]], true);
    expect([supervisor, ...services].every(alive)).toBe(true);
    top.kill("SIGKILL");
    expect(await gone([supervisor, ...services])).toBe(true);
  });

  it.each(["SIGTERM", "SIGHUP"] as const)(
    "stop when %s stops only the outer wrapper (npx around pnpm), which passes nothing on",
    async (signal) => {
      const { top, supervisor, services } = await start([[SERVICE], [SERVICE]], "npx");
      expect([supervisor, ...services].every(alive)).toBe(true);
      top.kill(signal);
      expect(await gone([supervisor, ...services])).toBe(true);
    },
  );

  it.each(["SIGTERM", "SIGINT", "SIGHUP"] as const)(
    "stop on %s, and the command exits 0",
    async (signal) => {
      const { top, services } = await start([[SERVICE], [SERVICE]], false);
      top.kill(signal);
      expect(await exited(top)).toBe(0);
      expect(await gone(services)).toBe(true);
    },
  );

  it("stop together when one of them dies, and the command exits with its code", async () => {
    const { top, services } = await start([[SERVICE, "300", "3"], [SERVICE]], false);
    expect(await exited(top)).toBe(3);
    expect(await gone(services)).toBe(true);
  });

  it("keep running while nothing stops them", async () => {
    const { supervisor, services } = await start([[SERVICE], [SERVICE]], true);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect([supervisor, ...services].every(alive)).toBe(true);
  });
});
