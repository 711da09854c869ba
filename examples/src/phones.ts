// Reads a CSV of phone numbers: the first column of each line, a header line allowed.

export interface PhoneList {
  /** Each phone as the number Green API takes (digits only, no `+`), in file order. */
  phones: number[];
  /** Lines whose first cell is not a number at all, with their 1-based line number. */
  skipped: { line: number; text: string }[];
}

export function readPhones(csv: string): PhoneList {
  const phones: number[] = [];
  const skipped: PhoneList["skipped"] = [];
  csv.split(/\r?\n/).forEach((text, index) => {
    const cell = (text.split(/[,;]/)[0] ?? "").trim();
    if (cell === "") return;
    // People write "+7 900 123-45-67"; Green API wants 79001234567.
    const digits = cell.replace(/^\+/, "").replace(/[\s()-]/g, "");
    if (/^\d+$/.test(digits)) phones.push(Number(digits));
    else if (index > 0 || /\d/.test(cell)) skipped.push({ line: index + 1, text: cell });
  });
  return { phones, skipped };
}
