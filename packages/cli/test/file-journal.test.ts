// The file journal (@greenspec/cli/file-journal): a torn last line is dropped and cut from the
// file, a file that is not a journal is refused, and a new run never overwrites an old journal.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { JOURNAL_FORMAT } from "@greenspec/client/group-job";
import { describe, expect, it } from "vitest";
import { fileJournal } from "../src/file-journal.js";
import { emptyDir } from "./run-cli.js";

const header = {
  format: JOURNAL_FORMAT,
  version: 1,
  groupId: "1@g.us",
  list: "x",
  total: 2,
} as const;

async function written(path: string) {
  const journal = fileJournal(path);
  await journal.read();
  await journal.start(header);
  await journal.append({ step: "group", members: [], link: "" });
  await journal.append({ step: "outcome", i: 0, outcome: "added" });
  await journal.close();
}

describe("fileJournal", () => {
  it("writes one JSON line per record and reads them back on resume", async () => {
    const path = join(emptyDir(), "run.jsonl");
    await written(path);
    expect(readFileSync(path, "utf8").split("\n")).toHaveLength(4);
    const { header: read, records } = await fileJournal(path, { resume: true }).read();
    expect(read).toEqual(header);
    expect(records).toEqual([
      { step: "group", members: [], link: "" },
      { step: "outcome", i: 0, outcome: "added" },
    ]);
  });

  it("drops a torn last line (a kill mid-write) and cuts it from the file before appending", async () => {
    const path = join(emptyDir(), "run.jsonl");
    await written(path);
    const whole = readFileSync(path, "utf8");
    writeFileSync(path, `${whole}{"step":"outcome","i":1,"outc`);
    const journal = fileJournal(path, { resume: true });
    const { records } = await journal.read();
    expect(records).toHaveLength(2);
    expect(readFileSync(path, "utf8")).toBe(whole);
    await journal.append({ step: "outcome", i: 1, outcome: "added" });
    await journal.close();
    expect(readFileSync(path, "utf8")).toBe(`${whole}{"step":"outcome","i":1,"outcome":"added"}\n`);
  });

  it("refuses a file that is not a journal, a missing file to resume, and an existing one to start", async () => {
    const dir = emptyDir();
    const junk = join(dir, "junk.txt");
    writeFileSync(junk, "hello\nworld\n");
    await expect(fileJournal(junk, { resume: true }).read()).rejects.toThrow(/not a journal/);
    await expect(fileJournal(join(dir, "none.jsonl"), { resume: true }).read()).rejects.toThrow(
      /does not exist/,
    );
    const path = join(dir, "run.jsonl");
    await written(path);
    await expect(fileJournal(path).read()).rejects.toMatchObject({
      kind: "validation",
      message: expect.stringContaining("already exists"),
    });
  });
});
