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
  const out = (text: string) => io.out(terminalSafe(redact(text)));
  return {
    out,
    err: (text) => io.err(terminalSafe(redact(text))),
    json: (value) => out(`${JSON.stringify(maskDeep(value))}\n`),
    mask: (value) => maskDeep(value),
  };
}

/**
 * Control characters (but newline and tab), C1 controls and bidirectional overrides as `\uXXXX`:
 * a group name or a file's bytes must not move the cursor, retitle the window or reorder what a
 * terminal shows. In JSON output the same escapes keep the text valid JSON.
 */
function terminalSafe(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
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
