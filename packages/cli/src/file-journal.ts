// @greenspec/cli/file-journal: a group job's journal in a file, one JSON line per record, for
// Node. Each record is written (to the operating system) before the job's next step, so a killed
// process loses nothing; the file is synced to disk at least once a second and when the job ends.
// A last line cut short by a kill mid-write is dropped and the job redoes that step.
import {
  closeSync,
  existsSync,
  fsync,
  fsyncSync,
  openSync,
  readFileSync,
  truncateSync,
  writeSync,
} from "node:fs";
import type { JobJournal, JournalHeader, JournalRecord } from "@greenspec/client/group-job";
import { journalError } from "@greenspec/client/group-job";

export interface FileJournalOptions {
  /** Carry on from the file's records (it must exist); without it, the file must not exist yet. */
  resume?: boolean;
}

const SYNC_EVERY_MS = 1000;

/** The records of a journal file's text; a torn last line is left out (its length returned). */
function parse(text: string, path: string): { lines: unknown[]; goodLength: number } {
  const parts = text.split("\n");
  const tail = parts.pop() ?? "";
  const lines = parts.map((line, n) => {
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw journalError(`${path} line ${n + 1} is not JSON: the file is not a journal`);
    }
  });
  // No newline after the last line: the kill came mid-write, unless the line is whole.
  try {
    if (tail.trim() !== "") {
      lines.push(JSON.parse(tail));
      return { lines, goodLength: Buffer.byteLength(text) };
    }
  } catch {
    // Torn: dropped, and cut from the file before anything is appended.
  }
  return { lines, goodLength: Buffer.byteLength(text) - Buffer.byteLength(tail) };
}

export function fileJournal(path: string, options: FileJournalOptions = {}): JobJournal {
  let fd: number | undefined;
  let lastSync = 0;
  let pending = false;
  // The once-a-second sync runs beside the job (a slow disk must not stall it); close waits for it.
  let syncing: Promise<void> | undefined;
  const open = () => {
    fd ??= openSync(path, "a");
    return fd;
  };
  const write = (value: unknown) => {
    writeSync(open(), `${JSON.stringify(value)}\n`);
    pending = true;
    const now = Date.now();
    if (now - lastSync >= SYNC_EVERY_MS && !syncing) {
      lastSync = now;
      pending = false;
      const at = open();
      syncing = new Promise<void>((resolve) => fsync(at, () => resolve())).then(() => {
        syncing = undefined;
      });
    }
  };
  return {
    async read() {
      if (!options.resume) {
        if (existsSync(path) && readFileSync(path).length > 0)
          throw journalError(`${path} already exists: resume it, or name a new file`);
        return { header: undefined, records: [] };
      }
      if (!existsSync(path)) throw journalError(`${path} does not exist: nothing to resume`);
      const text = readFileSync(path, "utf8");
      const { lines, goodLength } = parse(text, path);
      if (goodLength < Buffer.byteLength(text)) truncateSync(path, goodLength);
      const [header, ...records] = lines;
      if (records.some((r) => typeof r !== "object" || r === null || !("step" in r)))
        throw journalError(`${path} holds a line that is not a job record`);
      return { header: header as JournalHeader | undefined, records: records as JournalRecord[] };
    },
    async start(header) {
      write(header);
    },
    async append(record) {
      write(record);
    },
    async close() {
      await syncing;
      if (fd === undefined) return;
      if (pending) fsyncSync(fd);
      closeSync(fd);
      fd = undefined;
    },
  };
}
