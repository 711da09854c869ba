// One table for the terminal and for BENCHMARKS.md.
export interface Row {
  section: string;
  name: string;
  value: string;
  spread: string;
  ratio: string;
  target: string;
  result: string;
}

const HEADERS = ["Section", "Row", "Median", "Spread", "Ratio", "Target", "Result"] as const;

function cells(row: Row): string[] {
  return [row.section, row.name, row.value, row.spread, row.ratio, row.target, row.result];
}

export function textTable(rows: readonly Row[]): string {
  const all = [[...HEADERS], ...rows.map(cells)];
  const widths = HEADERS.map((_, i) => Math.max(...all.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [
    line(all[0] ?? []),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...all.slice(1).map(line),
  ].join("\n");
}

export function markdownTable(rows: readonly Row[]): string {
  const escapeCell = (c: string) => c.replaceAll("|", "\\|");
  const line = (r: readonly string[]) => `| ${r.map(escapeCell).join(" | ")} |`;
  return [line(HEADERS), line(HEADERS.map(() => "---")), ...rows.map((r) => line(cells(r)))].join(
    "\n",
  );
}

export const micros = (n: number, digits = 0) => `${n.toFixed(digits)} µs`;
export const ratio = (n: number) => `${n.toFixed(2)}x`;
export const bytes = (n: number) => `${n} B (${(n / 1024).toFixed(2)} KiB)`;
