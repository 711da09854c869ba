// The group job on 1,000 people (a fifth refusing to be added, a tenth without WhatsApp) against
// the in-process emulator on its manual clock, with the file journal on: wall time, calls made
// per person against the calls the mix needs, and memory.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileJournal } from "@greenspec/cli/file-journal";
import { createGreenApi } from "@greenspec/client";
import { addPeopleToGroup, type Person } from "@greenspec/client/group-job";
import { createEmulator } from "@greenspec/emulator";
import type { Row } from "./report.js";

export const GROUP_JOB_TARGETS = { people: 1000, wallSeconds: 10, memoryMegabytes: 100 } as const;

const SECTION = "group job";

/** 1,000 distinct numbers: every fifth refuses being added (7777), every tenth has no WhatsApp (0000). */
function people(): Person[] {
  return Array.from({ length: GROUP_JOB_TARGETS.people }, (_, i): Person => {
    const n = String(i).padStart(3, "0");
    if (i % 5 === 0) return { participantPhone: Number(`7900${n}7777`) };
    if (i % 10 === 1) return { participantPhone: Number(`7901${n}0000`) };
    return { participantPhone: Number(`7902${n}1234`) };
  });
}

export async function measureGroupJob(): Promise<Row[]> {
  const emulator = createEmulator({ clock: "manual" });
  // Each call a little later than the last, so no rate limit is met and no pacing delay waited.
  const fetch = (input: string, init: RequestInit) => {
    emulator.clock.advance(110);
    return emulator.fetch(input, init);
  };
  const api = createGreenApi({
    idInstance: "1101000001",
    apiTokenInstance: "bench-token",
    apiUrl: "http://emulator.bench",
    fetch,
  });
  const { chatId } = await api.createGroup({ groupName: "Bench", chatIds: ["79030001234@c.us"] });
  const list = people();
  const dir = mkdtempSync(join(tmpdir(), "greenspec-job-bench-"));
  const before = emulator.journal.length;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const { counts } = await addPeopleToGroup(
    api,
    { groupId: chatId as string, people: list, invite: { message: (link) => `Join: ${link}` } },
    { journal: fileJournal(join(dir, "run.jsonl")), pacing: false },
  );
  const seconds = (performance.now() - start) / 1000;
  gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  // The heap the job and the emulator's state grew by: the bench process holds other sections.
  const grown = (heapUsed - heapBefore) / 2 ** 20;
  rmSync(dir, { recursive: true, force: true });
  const calls = emulator.journal.length - before;
  // The mix needs: the state and the group, an add each, a check per person not added, a message per invite.
  const needed =
    2 + list.length + counts.invited + counts["no-whatsapp"] + counts["not-added"] + counts.invited;
  const row = (name: string, value: string, target: string, ok: boolean): Row => ({
    section: SECTION,
    name,
    value,
    spread: "",
    ratio: "",
    target,
    result: ok ? "met" : "MISSED",
  });
  return [
    row(
      `${list.length} people, journal on: wall time`,
      `${seconds.toFixed(2)} s`,
      `< ${GROUP_JOB_TARGETS.wallSeconds} s`,
      seconds < GROUP_JOB_TARGETS.wallSeconds,
    ),
    row(
      `calls made (added ${counts.added}, invited ${counts.invited}, no WhatsApp ${counts["no-whatsapp"]})`,
      `${calls} (${(calls / list.length).toFixed(2)} per person)`,
      `${needed}, what the mix needs`,
      calls === needed,
    ),
    row(
      `heap grown by the job (process RSS ${(rss / 2 ** 20).toFixed(0)} MB)`,
      `${grown.toFixed(1)} MB`,
      `< ${GROUP_JOB_TARGETS.memoryMegabytes} MB`,
      grown < GROUP_JOB_TARGETS.memoryMegabytes,
    ),
  ];
}
