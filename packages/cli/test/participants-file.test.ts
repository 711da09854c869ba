import { describe, expect, it } from "vitest";
import { specCommands } from "../src/commands.js";
import {
  type ParticipantFields,
  ParticipantsFileError,
  parseParticipantsFile as parseWith,
  participantFields,
  toParticipant as toParticipantWith,
} from "../src/participants-file.js";

const add = specCommands().find((c) => c.operation.id === "addGroupParticipant");
const fields = (add && participantFields(add)) as ParticipantFields;
const parseParticipantsFile = (text: string, options?: { column?: string }) =>
  parseWith(text, fields, options);
const toParticipant = (value: string) => toParticipantWith(value, fields);

describe("the participants file", () => {
  it("finds the chat id and phone fields of addGroupParticipant in the spec", () => {
    expect(fields).toEqual({ chatId: "participantChatId", phone: "participantPhone" });
  });

  it("reads one chat id or phone per line, skipping blanks and # comments", () => {
    const entries = parseParticipantsFile(
      "# team\n79001234568@c.us\n\n+7 (900) 123-45-69\n79001234570\n",
    );
    expect(entries).toEqual([
      { line: 2, text: "79001234568@c.us", participant: { participantChatId: "79001234568@c.us" } },
      { line: 4, text: "+7 (900) 123-45-69", participant: { participantPhone: 79001234569 } },
      { line: 5, text: "79001234570", participant: { participantPhone: 79001234570 } },
    ]);
  });

  it("takes a one-column file whose first line is a word as a header", () => {
    const entries = parseParticipantsFile("phone\n79001234568\n");
    expect(entries.map((e) => e.participant)).toEqual([{ participantPhone: 79001234568 }]);
    expect(entries[0]?.line).toBe(2);
  });

  it("picks the column a CSV header names, with quoted commas in other columns", () => {
    const entries = parseParticipantsFile(
      'name,phone,note\n"Doe, Jane",79001234568,first\nJohn,79001234569,\n',
    );
    expect(entries.map((e) => e.participant)).toEqual([
      { participantPhone: 79001234568 },
      { participantPhone: 79001234569 },
    ]);
  });

  it("reads semicolon- and tab-separated files", () => {
    expect(parseParticipantsFile("name;chatId\nA;79001234568@c.us\n")[0]?.participant).toEqual({
      participantChatId: "79001234568@c.us",
    });
    expect(parseParticipantsFile("name\tphone\nA\t79001234568\n")[0]?.participant).toEqual({
      participantPhone: 79001234568,
    });
  });

  it("uses the column given by name, whatever it is called", () => {
    const entries = parseParticipantsFile("who,mobile\nA,79001234568\n", { column: "Mobile" });
    expect(entries[0]?.participant).toEqual({ participantPhone: 79001234568 });
  });

  it("refuses a header that names no participant column", () => {
    expect(() => parseParticipantsFile("who,mobile\nA,79001234568\n")).toThrow(/--column/);
    expect(() => parseParticipantsFile("a,b\n1,2\n", { column: "phone" })).toThrow(/no column/);
  });

  it("refuses a file the CSV reader cannot parse (an unterminated quote) with its own error", () => {
    expect(() => parseParticipantsFile('phone\n"79001234568\n')).toThrow(ParticipantsFileError);
    expect(() => parseParticipantsFile('phone\n"79001234568\n')).toThrow(
      /Quote Not Closed.*line 2/,
    );
  });

  it("never turns a number past 2^53-1 into a different phone", () => {
    expect(toParticipant("90071992547409931")).toEqual({ participantChatId: "90071992547409931" });
  });

  it("passes text that is neither a chat id nor digits on as a chat id, for the validator", () => {
    expect(toParticipant("not a number")).toEqual({ participantChatId: "not a number" });
  });
});
