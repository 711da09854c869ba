// How the command line prints what the validation proxy found.
import type { ProxyViolation } from "./proxy-violation.js";

export function formatViolation({ operation, direction, message, kind }: ProxyViolation): string {
  return `${kind ?? "violation"} ${operation ?? "(no operation)"} ${direction}: ${message}`;
}

/** One line: the total, then the count per operation and direction, most frequent first. */
export function summarize(violations: readonly ProxyViolation[]): string {
  if (violations.length === 0) return "summary: no violations";
  const counts = new Map<string, number>();
  for (const { operation, direction, kind } of violations) {
    const key = `${kind === "drift" ? "drift " : ""}${operation ?? "(no operation)"} ${direction}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([key, count]) => `${key} ${count}`);
  return `summary: ${violations.length} violation${violations.length === 1 ? "" : "s"} (${parts.join(", ")})`;
}
