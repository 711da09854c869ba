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
  let out = "";
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const control = (c < 0x20 && c !== 0x0a && c !== 0x09) || (c >= 0x7f && c <= 0x9f);
    const bidi =
      c === 0x2028 || c === 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    if (!control && !bidi) continue;
    out += `${text.slice(copied, i)}\\u${c.toString(16).padStart(4, "0")}`;
    copied = i + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
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
