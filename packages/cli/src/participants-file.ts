import { CsvError, parse } from "csv-parse/sync";
import type { SpecCommand } from "./commands.js";

/** The body fields naming a person, read from the spec (`participantChatId`, `participantPhone`). */
export interface ParticipantFields {
  chatId: string;
  phone: string;
}

export type ParticipantInput = Record<string, string | number>;

/**
 * The operation's phone and chat id fields: a choice of exactly one of two single fields, one an
 * integer (the phone), the other a string (the chat id). Undefined when the body offers none.
 */
export function participantFields(command: SpecCommand): ParticipantFields | undefined {
  const groups = command.operation.request?.exactlyOneOf ?? [];
  if (groups.length !== 2) return undefined;
  const single = groups.map((names) =>
    names.length === 1 ? command.fields.find((field) => field.name === names[0]) : undefined,
  );
  const phone = single.find((field) => field?.kind === "integer")?.name;
  const chatId = single.find((field) => field?.kind === "string")?.name;
  return phone && chatId ? { chatId, phone } : undefined;
}

export interface FileEntry {
  /** 1-based line of the file the entry came from. */
  line: number;
  /** The text as written in the file. */
  text: string;
  participant: ParticipantInput;
}

export class ParticipantsFileError extends Error {
  override name = "ParticipantsFileError";
}

/** Header names taken for the participant column when `--column` is not given. */
const COLUMN_NAME =
  /^(participant[ _-]?)?(chat[ _-]?id|phone([ _-]?number)?|number|whatsapp|id)$|^participant$/i;

/**
 * Reads a list of participants: one chat id or phone per line, or CSV (`,` `;` or tab) whose
 * header names the column. Blank lines and lines starting with `#` are skipped.
 */
export function parseParticipantsFile(
  text: string,
  fields: ParticipantFields,
  options: { column?: string } = {},
): FileEntry[] {
  const records = parseCsv(text);
  if (records.length === 0) return [];
  const [first] = records;
  const header = first?.record ?? [];
  const hasHeader =
    options.column !== undefined || header.length > 1 || !/\d/.test(header[0] ?? "");
  let column = 0;
  if (hasHeader) {
    const wanted = options.column;
    const index =
      wanted !== undefined
        ? header.findIndex((name) => name.toLowerCase() === wanted.toLowerCase())
        : header.length === 1
          ? 0
          : header.findIndex((name) => COLUMN_NAME.test(name));
    if (index < 0) {
      throw new ParticipantsFileError(
        wanted !== undefined
          ? `no column named "${wanted}" in the header (${header.join(", ")})`
          : `the header (${header.join(", ")}) names no chat id or phone column: pick one with --column`,
      );
    }
    column = index;
  }
  return records.slice(hasHeader ? 1 : 0).map(({ record, info }) => {
    const value = record[column] ?? "";
    return { line: info.lines, text: value, participant: toParticipant(value, fields) };
  });
}

/** CSV (`,` `;` or tab) records with their line; a file csv-parse cannot read is a usage error. */
function parseCsv(text: string): { record: string[]; info: { lines: number } }[] {
  try {
    return parse(text.replace(/^\uFEFF/, ""), {
      delimiter: [",", ";", "\t"],
      bom: true,
      comment: "#",
      comment_no_infix: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError)
      throw new ParticipantsFileError(`cannot read the file: ${error.message}`);
    throw error;
  }
}

/**
 * A value with `@` is a chat id; digits (with `+`, spaces, dashes or brackets) are a phone.
 * Anything else is passed on as a chat id so the client's validator refuses it with a reason.
 */
export function toParticipant(value: string, fields: ParticipantFields): ParticipantInput {
  const trimmed = value.trim();
  if (!trimmed.includes("@")) {
    const digits = trimmed.replace(/[\s().-]/g, "").replace(/^\+/, "");
    // A number past 2^53-1 would silently change: leave it as text for the validator to refuse.
    if (/^\d+$/.test(digits) && Number.isSafeInteger(Number(digits)))
      return { [fields.phone]: Number(digits) };
  }
  return { [fields.chatId]: trimmed };
}
