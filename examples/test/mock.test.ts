/// <reference types="@greenspec/mock/vitest" />
import { createGreenApi } from "@greenspec/client/bulk";
import { expect, expectTypeOf, inject, it } from "vitest";
import { addCsvToGroup } from "../src/add-csv-to-group.js";

const GROUP = "79001234567-1587570015@g.us";
const CSV = "79001234501\n79001234502\n";

const api = () => {
  const mockUrl = inject("mockUrl");
  expectTypeOf(mockUrl).toEqualTypeOf<string>();
  return createGreenApi({ idInstance: "1101000001", apiTokenInstance: "any", apiUrl: mockUrl });
};

it("sends requests the contract accepts and reads its documented answers", async () => {
  const report = await addCsvToGroup(api(), GROUP, CSV);
  expect(report.counts).toMatchObject({ added: 2, failed: 0 });
  expect(report.firstIsAdmin).toBe(true);
});

it("makes no admin when the documented answer is notAdded (picked with Prefer)", async () => {
  const report = await addCsvToGroup(api(), GROUP, CSV, {
    headers: { Prefer: "example=notAdded" },
  });
  expect(report.counts).toMatchObject({ added: 0, notAdded: 2 });
  expect(report.firstIsAdmin).toBe(false);
});
