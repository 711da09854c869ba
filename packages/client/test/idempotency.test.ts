import { createServer } from "node:http";
import { listenLocally } from "@greenspec/test-helpers";
import { afterEach, describe, expect, it } from "vitest";
import {
  createGreenApi,
  type GreenApiOptions,
  operations,
  type RetryEvent,
} from "../src/bulk-client.js";
import { startFaultServer } from "./bulk-fault-server.js";
import { failureOf } from "./failure.js";
import { hang, json, type Script, startScripted } from "./http-server.js";

const FAST = { attempts: 3, baseDelay: 5, maxDelay: 20, deadline: 5_000 };
const GROUP = "79001234567-1587570015@g.us";
const CREATE = { groupName: "Weekend football", chatIds: ["79001234568@c.us"] };
const credentials = { idInstance: "1101000001", apiTokenInstance: "TEST_TOKEN_idempotency" };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()?.();
});

/** A service that carries out every request (counts it by operation) and then drops the line. */
async function carriesOutThenDrops() {
  const carriedOut = new Map<string, number>();
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const operation = (req.url ?? "").split("/")[2] ?? "";
      carriedOut.set(operation, (carriedOut.get(operation) ?? 0) + 1);
      res.socket?.destroy();
    });
  });
  const served = await listenLocally(server);
  closers.push(served.close);
  return { url: served.url, carriedOut };
}

async function scripted(...steps: Script[]) {
  const server = await startScripted(...steps);
  closers.push(server.close);
  return server;
}

function client(apiUrl: string, options: Partial<GreenApiOptions> = {}) {
  return createGreenApi({ ...credentials, apiUrl, retry: FAST, ...options });
}

describe("the spec says which operations are safe to repeat", () => {
  it("createGroup is not, getGroupData is", () => {
    expect(operations.createGroup.idempotent).toBe(false);
    expect(operations.getGroupData.idempotent).toBe(true);
  });
});

describe("an operation that is not safe to repeat", () => {
  it("sends createGroup exactly once when the service carries it out and drops the connection", async () => {
    const service = await carriesOutThenDrops();
    const error = await failureOf(client(service.url).createGroup(CREATE));
    expect(service.carriedOut.get("createGroup")).toBe(1);
    expect(error.kind).toBe("network");
    expect(error.attempts).toBe(1);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toContain("the outcome is unknown");
    expect(error.message).toContain("createGroup is not safe to repeat");
    expect(error.message).toContain("check whether it took effect");
  });

  it("retries getGroupData against the same service", async () => {
    const service = await carriesOutThenDrops();
    const error = await failureOf(client(service.url).getGroupData({ groupId: GROUP }));
    expect(service.carriedOut.get("getGroupData")).toBe(3);
    expect(error.attempts).toBe(3);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).not.toContain("not safe to repeat");
  });

  it("retries createGroup when the connection is refused (nothing was sent)", async () => {
    const closed = await listenLocally(createServer());
    await closed.close();
    const events: RetryEvent[] = [];
    const error = await failureOf(
      client(closed.url, { onRetry: (event) => events.push(event) }).createGroup(CREATE),
    );
    expect(error.kind).toBe("network");
    if (error.kind !== "network") return;
    expect(error.connectFailed).toBe(true);
    expect(error.attempts).toBe(3);
    expect(events).toHaveLength(2);
    expect(error.outcomeUnknown).toBe(false);
    expect(error.message).not.toContain("outcome is unknown");
  });

  it("does not retry createGroup after a 502, and says the outcome is unknown", async () => {
    const server = await scripted(json(502, { code: 502, description: "Bad Gateway" }));
    const error = await failureOf(client(server.url).createGroup(CREATE));
    expect(error.kind).toBe("server");
    expect(server.received).toHaveLength(1);
    expect(error.outcomeUnknown).toBe(true);
  });

  it("does not retry createGroup after a 200 carrying a 503 envelope", async () => {
    const server = await scripted(json(200, { code: 503, description: "Service Unavailable" }));
    const error = await failureOf(client(server.url).createGroup(CREATE));
    expect(error).toMatchObject({ kind: "server", status: 503, outcomeUnknown: true });
    expect(server.received).toHaveLength(1);
  });

  it("does not retry createGroup after a timeout", async () => {
    const server = await scripted(hang);
    const error = await failureOf(client(server.url, { timeout: 100 }).createGroup(CREATE));
    expect(error.kind).toBe("timeout");
    expect(server.received).toHaveLength(1);
    expect(error.outcomeUnknown).toBe(true);
  });

  it("retries createGroup after a 429 and after a starting instance", async () => {
    const created = {
      created: true,
      chatId: GROUP,
      groupInviteLink: "https://chat.whatsapp.com/x",
    };
    const server = await scripted(
      json(429, { code: 429, description: "Too Many Requests" }),
      json(400, { code: 400, description: "instance in starting process try later" }),
      json(200, created),
    );
    await expect(client(server.url).createGroup(CREATE)).resolves.toEqual(created);
    expect(server.received).toHaveLength(3);
  });

  it("a bad request answered is not marked as an unknown outcome", async () => {
    const server = await scripted(json(400, { code: 400, description: "bad request data" }));
    const error = await failureOf(client(server.url).createGroup(CREATE));
    expect(error.kind).toBe("bad-request");
    expect(error.outcomeUnknown).toBe(false);
  });
});

describe("the bulk add marks answers that came from a repeated attempt", () => {
  it("counts the requests each entry took, so a false after a retry can be told apart", async () => {
    const participants = [
      { participantChatId: "79001230000@c.us" },
      { participantChatId: "79001230001@c.us" },
      { participantChatId: "79001230002@c.us" },
    ];
    const fault = await startFaultServer({
      faults: new Map([[2, { kind: "instance-starting" }]]),
      notAdded: new Set(["chat:79001230001@c.us"]),
    });
    closers.push(fault.close);
    const result = await client(fault.url).addGroupParticipants({ groupId: GROUP, participants });
    expect(result.results.map((r) => [r.status, "attempts" in r ? r.attempts : 0])).toEqual([
      ["added", 1],
      ["not-added", 2],
      ["added", 1],
    ]);
  });
});
