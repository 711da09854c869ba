import { expect, it } from "vitest";
import { readPhones } from "../src/phones.js";

it("reads the first column, skips a header and writes phones as digits only", () => {
  expect(readPhones("phone;name\r\n+7 (900) 123-45-01;Ann\n\n79001234502\n")).toEqual({
    phones: [79001234501, 79001234502],
    skipped: [],
  });
});

it("reports a line that holds no phone, with its line number", () => {
  expect(readPhones("79001234501\nseven nine 00\n").skipped).toEqual([
    { line: 2, text: "seven nine 00" },
  ]);
});
