/// <reference types="@greenspec/emulator/vitest" />
import { createGreenApi, type GreenApi } from "@greenspec/client/bulk";
import { createEmulator } from "@greenspec/emulator";
import { expect, expectTypeOf, inject, it } from "vitest";
import { addCsvToGroup } from "../src/add-csv-to-group.js";

const CSV = "phone,name\n+7 900 123-45-01,Ann\n79001234502,Bob\n79001234503,Cid\n";

/** A client on an in-process emulator, and a fresh group it created (no cast on its id). */
async function setUp() {
  const emulator = createEmulator();
  const api: GreenApi = createGreenApi({
    idInstance: "1101000001",
    apiTokenInstance: "any-token",
    apiUrl: "http://emulator.test",
    fetch: emulator.fetch,
  });
  const created = await api.createGroup({ groupName: "Book club", chatIds: ["79001234599@c.us"] });
  if (!created.created) throw new Error("the group was not created");
  expectTypeOf(created.chatId).toEqualTypeOf<string>();
  return { emulator, api, groupId: created.chatId };
}

const memberOf = (emulator: ReturnType<typeof createEmulator>, phone: number) =>
  emulator.snapshot().groups[0]?.participants.find((p) => p.id === `${phone}@c.us`);

it("adds every phone of the CSV and makes the first one an admin", async () => {
  const { emulator, api, groupId } = await setUp();
  const report = await addCsvToGroup(api, groupId, CSV);
  expect(report.counts).toMatchObject({ added: 3, failed: 0 });
  expect(report.firstIsAdmin).toBe(true);
  expect(memberOf(emulator, 79001234501)?.isAdmin).toBe(true);
  expect(memberOf(emulator, 79001234502)?.isAdmin).toBe(false);
});

it("reports a phone that is too short in the user's words and adds the others", async () => {
  const { api, groupId } = await setUp();
  const report = await addCsvToGroup(api, groupId, "79001234501\n12345\n79001234503\n");
  expect(report.counts).toMatchObject({ added: 2, failed: 1 });
  const failed = report.results[1];
  if (failed?.status !== "failed") throw new Error("the short phone was not refused");
  expect(failed.error.kind).toBe("validation");
  expect(failed.error.message).toContain("12345");
});

it("reports a failure in the middle of the file for that person only", async () => {
  const { emulator, api, groupId } = await setUp();
  emulator.fail("addGroupParticipant", { after: 1, status: 500 });
  const report = await addCsvToGroup(api, groupId, CSV);
  expect(report.results.map((result) => result.status)).toEqual(["added", "failed", "added"]);
  expect(report.firstIsAdmin).toBe(true);
});

it("runs the same flow against the emulator over HTTP (inject from the vitest globalSetup)", async () => {
  const url = inject("emulatorUrl");
  expectTypeOf(url).toEqualTypeOf<string>();
  await fetch(`${url}/_emulator/reset`, { method: "POST" });
  const api = createGreenApi({
    idInstance: "1101000001",
    apiTokenInstance: "any-token",
    apiUrl: url,
  });
  const created = await api.createGroup({ groupName: "Over HTTP", chatIds: ["79001234599@c.us"] });
  if (!created.created) throw new Error("the group was not created");
  const report = await addCsvToGroup(api, created.chatId, CSV);
  expect(report.counts.added).toBe(3);
  expect(report.firstIsAdmin).toBe(true);
});
