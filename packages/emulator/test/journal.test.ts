// The journal masks the token by the one rule (every spelling, any case, every 8-character
// piece), keeps bodies as bounded excerpts within a byte budget, and is readable whatever came.
import { echoesOf, leakedPieces } from "@greenspec/redact";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index.js";
import { JOURNAL_BUDGET_BYTES, JOURNAL_EXCERPT_CHARS, Journal } from "../src/journal.js";
import { ID, post, TOKEN } from "./helpers.js";

// A token long enough to be real, so every echo of it must be masked.
const SECRET = "d75b3a66374942c5b3c019c698abc2067e151558acbd412345";

function emulatorWithSecret() {
  const emulator = createEmulator({ clock: "manual" });
  emulator.addInstance({ idInstance: ID, apiTokenInstance: SECRET });
  return emulator;
}

describe("the journal masks every echo of the token", () => {
  for (const [name, echo] of echoesOf(SECRET))
    it(`in a body, in a cut malformed body and in a short unknown path: echoed ${name}`, async () => {
      const emulator = emulatorWithSecret();
      const at = (operation: string) => `/waInstance${ID}/${operation}/${SECRET}`;
      await post(emulator, at("getGroupData"), JSON.stringify({ groupId: echo }));
      await post(emulator, at("getGroupData"), `{"groupId":"${echo}`);
      await post(emulator, `/x/${echo}`, "{}");
      await post(emulator, `/${echo}`, "{}");
      const text = JSON.stringify([emulator.journal, emulator.snapshot()]);
      expect(emulator.journal).toHaveLength(4);
      expect(leakedPieces(SECRET, text)).toEqual([]);
    });
});

describe("the journal is bounded and always readable", () => {
  it("keeps a large body as an excerpt of its start", async () => {
    const emulator = emulatorWithSecret();
    const groupName = "n".repeat(200_000);
    await post(emulator, `/waInstance${ID}/createGroup/${SECRET}`, JSON.stringify({ groupName }));
    const [entry] = emulator.journal;
    expect(typeof entry?.request).toBe("string");
    expect(String(entry?.request).length).toBeLessThanOrEqual(JOURNAL_EXCERPT_CHARS + 1);
  });

  it("stays readable after a body nested 3,000 deep", async () => {
    const emulator = emulatorWithSecret();
    const deep = `{"groupId":${"[".repeat(3000)}${"]".repeat(3000)}}`;
    await post(emulator, `/waInstance${ID}/getGroupData/${SECRET}`, deep);
    expect(() => JSON.stringify(emulator.journal)).not.toThrow();
    await post(emulator, `/waInstance${ID}/getGroupData/${TOKEN}`, "{}");
    expect(emulator.journal).toHaveLength(2);
  });

  it("keeps within its byte budget, dropping the oldest calls first", () => {
    const journal = new Journal();
    const body = { text: "b".repeat(10_000) };
    const calls = Math.ceil((JOURNAL_BUDGET_BYTES / JOURNAL_EXCERPT_CHARS) * 1.5);
    for (let i = 0; i < calls; i++)
      journal.add(
        {
          at: i,
          operation: "createGroup",
          idInstance: ID,
          method: "POST",
          path: "/",
          status: 400,
          request: body,
          answer: body,
        },
        SECRET,
      );
    const entries = journal.list();
    expect(entries.length).toBeLessThan(calls);
    expect(entries.at(-1)?.seq).toBe(calls);
    expect(JSON.stringify(entries).length).toBeLessThan(JOURNAL_BUDGET_BYTES * 1.2);
  });
});
