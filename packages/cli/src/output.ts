/** Exit codes: the contract scripts rely on. */
export const EXIT_OK = 0;
/** The service said no (a `false` answer, an error answer), or some entries of a bulk add failed. */
export const EXIT_REFUSED = 1;
/** Bad input or usage, including a request the client's validator refused before sending. */
export const EXIT_USAGE = 2;

/** Bad input found before or instead of a request: exits with EXIT_USAGE. */
export class UsageError extends Error {
  override name = "UsageError";
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
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

/** The fields of an answer that hold `false`, among those the spec marks as the outcome. */
export function refusedFields(answer: unknown, outcomeFields: readonly string[]): string[] {
  if (answer === null || typeof answer !== "object") return [];
  const record = answer as Record<string, unknown>;
  return outcomeFields.filter((name) => record[name] === false);
}
