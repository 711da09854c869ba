// The validation proxy's policy is the client's (issue 23): a success answer that carries its
// outcome but drifts elsewhere is reported as drift; a missing outcome or an undocumented status
// is a violation. With `record`, every answer becomes a recording with the token masked and
// phone numbers made up.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@greenspec/test-helpers";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { type Mock, startMock } from "../dist/index.js";
import { operations, operationUrl } from "./openapi-operations.js";
import { startUpstream, type Upstream } from "./upstream.js";

const TOKEN = "d75b3a66374942c5b3c019c6";
const GROUP = "120363043968066561@g.us";
const folder = mkdtempSync(join(tmpdir(), "greenspec-record-"));
const file = join(folder, "answers.json");

let upstream: Upstream;
let proxy: Mock;

beforeAll(async () => {
  upstream = await startUpstream();
  proxy = await startMock({ proxy: upstream.url, record: file });
});
afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
  rmSync(folder, { recursive: true, force: true });
});
beforeEach(() => {
  proxy.violations.length = 0;
});

/** Sends a valid request of `id` whose answer is `body` with `status`; waits for the check. */
async function through(id: string, request: unknown, status: number, body: unknown) {
  const operation = operations.find((candidate) => candidate.id === id);
  if (!operation) throw new Error(`no operation ${id}`);
  upstream.answer = () => ({
    status,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const before = proxy.checked;
  const response = await fetch(operationUrl(proxy.url, operation, { apiTokenInstance: TOKEN }), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request),
    signal: AbortSignal.timeout(5000),
  });
  await response.arrayBuffer();
  await waitFor(() => proxy.checked !== before, 5000);
  expect(proxy.checked, "the proxy checked the exchange").toBeGreaterThan(before);
}

const group = {
  groupId: GROUP,
  owner: "79001234567@c.us",
  subject: "Weekend football",
  creation: 1587570015,
  participants: [
    { id: "79001234567@c.us", lid: "78714469634134@lid", isAdmin: true, isSuperAdmin: true },
    { id: "79001234568@c.us", isAdmin: false, isSuperAdmin: false },
  ],
  subjectTime: 1587570015,
  subjectOwner: "79001234567@c.us",
  groupInviteLink: "https://chat.whatsapp.com/H5ACpF5Dvt94OtMvyztRlT",
};

describe("the proxy's policy", () => {
  test("a success that carries its outcome but drifts elsewhere is reported as drift", async () => {
    const { subject: _, ...drifted } = { ...group, size: "2" };
    await through("getGroupData", { groupId: GROUP }, 200, drifted);
    expect(proxy.violations.length).toBeGreaterThan(0);
    for (const violation of proxy.violations)
      expect(violation).toMatchObject({ operation: "getGroupData", kind: "drift" });
  });

  test("a success without its outcome field is a violation", async () => {
    const { participants: _, ...missing } = group;
    await through("getGroupData", { groupId: GROUP }, 200, missing);
    expect(proxy.violations.length).toBeGreaterThan(0);
    expect(proxy.violations.filter((violation) => violation.kind === "drift")).toEqual([]);
  });

  test("an outcome field of another type is a violation", async () => {
    const request = { groupId: GROUP, participantChatId: "79001234568@c.us" };
    await through("addGroupParticipant", request, 200, { addParticipant: "yes" });
    expect(proxy.violations.length).toBeGreaterThan(0);
    expect(proxy.violations.some((violation) => violation.kind === "drift")).toBe(false);
  });

  test("an undocumented status is a violation", async () => {
    await through("getGroupData", { groupId: GROUP }, 418, group);
    expect(proxy.violations.length).toBeGreaterThan(0);
    expect(proxy.violations.some((violation) => violation.kind === "drift")).toBe(false);
  });
});

describe("recording", () => {
  test("appends each answer in the recordings format, token masked, the same person the same made-up number", async () => {
    await through("getGroupData", { groupId: GROUP }, 200, group);
    const refusal = {
      statusCode: 400,
      timestamp: "2026-07-19T17:06:20.804Z",
      path: `/waInstance1101000001/addGroupParticipant/${TOKEN}`,
      message: "Validation failed. Details: 'chatId': invalid phone number",
    };
    const request = { groupId: GROUP, participantChatId: "79001234568@c.us" };
    await through("addGroupParticipant", request, 400, refusal);
    const text = readFileSync(file, "utf8");
    expect(text).not.toContain(TOKEN.slice(0, 8));
    expect(text).not.toMatch(/7900123456[78]/);
    expect(text).not.toContain("H5ACpF5Dvt94OtMvyztRlT");
    const { items } = JSON.parse(text) as {
      items: { operation: string; status: number; body: never; source: string }[];
    };
    // The last answer of each: the ones this test sent (the policy tests above recorded theirs).
    const read = items.filter((item) => item.operation === "getGroupData").at(-1);
    const refused = items.find(
      (item) => item.operation === "addGroupParticipant" && item.status === 400,
    );
    const body = read?.body as unknown as typeof group;
    expect(body.owner).toMatch(/^7999\d{7}@c\.us$/);
    expect(body.subjectOwner).toBe(body.owner);
    expect(body.participants[0]?.id).toBe(body.owner);
    expect(body.participants[1]?.id).not.toBe(body.owner);
    expect(body.participants[0]?.lid).toMatch(/^\d{15}@lid$/);
    expect(body.groupId).toBe(GROUP);
    expect(refused?.body).toMatchObject({ path: "/waInstance1101000001/addGroupParticipant/***" });
    expect(
      items.every((item) => item.source.startsWith("greenspec-mock --proxy http://127.0.0.1:")),
    ).toBe(true);
  });
});

test("startMock refuses record without proxy, before starting anything", async () => {
  await expect(startMock({ record: file })).rejects.toThrow(/record needs proxy/);
});
