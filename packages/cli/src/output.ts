// Where the CLI writes, with the API token masked in everything it prints.
import { redactDeep } from "@greenspec/redact";

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** An Io that masks the token in every line, and prints JSON with every string masked first. */
export interface Output extends Io {
  /** One line of JSON on stdout. Strings are masked before escaping, so no escape hides a token. */
  json(value: unknown): void;
  /** A copy of a value with the token masked in every string and key (before any escaping). */
  mask(value: unknown): unknown;
}

export function maskedOutput(io: Io, redact: (text: string) => string): Output {
  // Answers are shallow; 64 levels keep any real one whole while a hostile one cannot overflow.
  const maskDeep = (value: unknown) => redactDeep(value, redact, 64);
  const out = (text: string) => io.out(redact(text));
  return {
    out,
    err: (text) => io.err(redact(text)),
    json: (value) => out(`${JSON.stringify(maskDeep(value))}\n`),
    mask: (value) => maskDeep(value),
  };
}

/** Human lines for an answer: `key: value`, nested values as JSON. */
export function formatAnswer(answer: unknown): string {
  if (answer === null || typeof answer !== "object" || Array.isArray(answer))
    return JSON.stringify(answer, null, 2);
  return Object.entries(answer)
    .map(
      ([key, value]) =>
        `${key}: ${typeof value === "object" && value !== null ? JSON.stringify(value, null, 2) : String(value)}`,
    )
    .join("\n");
}
