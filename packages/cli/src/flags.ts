import { InvalidArgumentError, Option } from "commander";
import type { CommandField } from "./commands.js";

/** A whole number written in digits; refused when JavaScript could not hold it exactly. */
export function parseInteger(value: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError("expected a whole number.");
  const number = Number(value);
  if (!Number.isSafeInteger(number))
    throw new InvalidArgumentError("too large to be held exactly (more than 2^53-1).");
  return number;
}

function parseBoolean(value: string): boolean {
  if (/^(true|yes|1)$/i.test(value)) return true;
  if (/^(false|no|0)$/i.test(value)) return false;
  throw new InvalidArgumentError("expected true or false.");
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw new InvalidArgumentError("expected a JSON value.");
  }
}

/** Values of a list flag: repeated flags, several words after one flag, or commas all add up. */
function listParser<T>(convert: (value: string) => T) {
  return (value: string, previous: T[] | undefined): T[] => [
    ...(previous ?? []),
    ...value
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "")
      .map(convert),
  ];
}

/** The commander option for one body field, its value converted by the schema's type. */
export function optionFor(field: CommandField): Option {
  const flag = `--${field.flag}`;
  const description = field.description + (field.required ? " (required)" : "");
  switch (field.kind) {
    case "integer":
      return new Option(`${flag} <integer>`, description).argParser(parseInteger);
    case "boolean":
      return new Option(`${flag} [boolean]`, `${description} Give true or false.`)
        .argParser(parseBoolean)
        .preset(true);
    case "string-array":
      return new Option(
        `${flag} <values...>`,
        `${description} Several values, or one list with commas.`,
      ).argParser(listParser(String));
    case "integer-array":
      return new Option(
        `${flag} <integers...>`,
        `${description} Several values, or one list with commas.`,
      ).argParser(listParser(parseInteger));
    case "file":
      return new Option(`${flag} <path>`, `${description} A path to the file to upload.`);
    case "json":
      return new Option(`${flag} <json>`, `${description} Given as JSON.`).argParser(parseJson);
    default:
      return new Option(`${flag} <string>`, description);
  }
}

/** commander's camelCase key for a field's flag (`participant-chat-id` -> `participantChatId`). */
export function optionKey(field: CommandField): string {
  return field.flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
