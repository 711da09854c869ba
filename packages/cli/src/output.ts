// Where the CLI writes, with the API token masked in everything it prints.

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
  const maskDeep = (value: unknown, depth: number): unknown => {
    if (typeof value === "string") return redact(value);
    if (value === null || typeof value !== "object") return value;
    if (depth > 64) return "[nested too deep]";
    if (Array.isArray(value)) return value.map((item) => maskDeep(item, depth + 1));
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [redact(key), maskDeep(item, depth + 1)]),
    );
  };
  const out = (text: string) => io.out(redact(text));
  return {
    out,
    err: (text) => io.err(redact(text)),
    json: (value) => out(`${JSON.stringify(maskDeep(value, 0))}\n`),
    mask: (value) => maskDeep(value, 0),
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
