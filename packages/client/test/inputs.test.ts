import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CallOptions,
  createGreenApi,
  type GreenApiError,
  type GreenApiOptions,
} from "../src/bulk-client.js";
import { failureOf } from "./failure.js";
import { json, type ScriptedServer, startScripted } from "./http-server.js";

const groupId = "79001234567-1587570015@g.us";
const participantChatId = "79001234568@c.us";
let server: ScriptedServer;

beforeAll(async () => {
  server = await startScripted(json(200, { addParticipant: true }));
});
afterAll(() => server.close());

function client(overrides: Partial<GreenApiOptions> = {}) {
  return createGreenApi({
    idInstance: "1101000001",
    apiTokenInstance: "TEST_TOKEN_inputs",
    apiUrl: server.url,
    retry: false,
    ...overrides,
  });
}

async function rejection(call: () => Promise<unknown>): Promise<GreenApiError> {
  const before = server.received.length;
  const error = await failureOf(call());
  expect(error.kind).toBe("validation");
  expect(error.attempts).toBe(0);
  expect(server.received.length, "a request was sent").toBe(before);
  return error;
}

/** The body the server got for the last request. */
const lastBody = () => JSON.parse(String(server.received.at(-1)?.body));

describe("what is validated is exactly what is sent", () => {
  it("ignores a groupId that lives on the prototype (and so refuses the body)", async () => {
    const body = Object.assign(Object.create({ groupId }), { participantChatId });
    const error = await rejection(() => client().addGroupParticipant(body));
    expect(error.message).toContain("groupId is required");
  });

  it("sends own fields only: a toJSON on the prototype adds nothing", async () => {
    class Body {
      groupId = groupId;
      participantChatId = participantChatId;
      toJSON() {
        return { ...this, extra: "sneaked in" };
      }
    }
    await client().addGroupParticipant(new Body() as never);
    expect(lastBody()).toEqual({ groupId, participantChatId });
  });

  it("reads a getter once: the value checked is the value sent", async () => {
    let reads = 0;
    const body = {
      groupId,
      get participantChatId() {
        reads++;
        return reads === 1 ? participantChatId : "not-a-chat-id";
      },
    };
    await client().addGroupParticipant(body);
    expect(reads).toBe(1);
    expect(lastBody()).toEqual({ groupId, participantChatId });
  });

  it("turns a throwing getter into a validation error naming the field", async () => {
    const body = {
      groupId,
      get participantChatId(): string {
        throw new TypeError("boom");
      },
    };
    const error = await rejection(() => client().addGroupParticipant(body));
    if (error.kind !== "validation") return;
    expect(error.field).toBe("participantChatId");
    expect(error.rule).toContain("could not be read");
  });

  it("turns a proxy whose keys cannot be listed into a validation error", async () => {
    const body = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("no keys");
        },
      },
    );
    await rejection(() => client().getGroupData(body as never));
  });

  it("treats an own __proto__ key (from JSON.parse) as an unknown key", async () => {
    const body = JSON.parse(`{"groupId":"${groupId}","__proto__":{"x":1}}`);
    const error = await rejection(() => client().getGroupData(body));
    expect(error.message).toContain("__proto__ is not a known field");
  });

  it("refuses a body nested past any real one", async () => {
    let deep: unknown = participantChatId;
    for (let i = 0; i < 100; i++) deep = [deep];
    await rejection(() => client().createGroup({ groupName: "T", chatIds: deep as never }));
  });

  it("refuses a list longer than any real one before walking it", async () => {
    const chatIds = new Array(2 ** 31 - 1);
    const started = performance.now();
    const error = await rejection(() => client().createGroup({ groupName: "T", chatIds }));
    expect(error.message).toContain("more than");
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe("huge strings are refused in bounded time and memory", () => {
  it("a 100-million-character groupName", async () => {
    const groupName = "x".repeat(100_000_000);
    const started = performance.now();
    const error = await rejection(() => client().updateGroupName({ groupId, groupName }));
    expect(error.message).toContain("groupName must be a group name of 1 to 100 characters");
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("counts code points near the bound, as ajv does", async () => {
    // 100 emoji are 200 UTF-16 units but 100 code points: within the bound.
    await client()
      .updateGroupName({ groupId, groupName: "😀".repeat(100) })
      .catch(() => undefined);
    expect(JSON.parse(String(server.received.at(-1)?.body)).groupName).toBe("😀".repeat(100));
    await rejection(() => client().updateGroupName({ groupId, groupName: "😀".repeat(101) }));
  });

  it("a 10-million-character unknown key is named in a short message", async () => {
    const error = await rejection(() =>
      client().getGroupData({ groupId, ["k".repeat(10_000_000)]: 1 } as never),
    );
    expect(error.message.length).toBeLessThan(300);
  });
});

describe("the bulk add checks its whole input before any request", () => {
  const cases: [string, unknown][] = [
    ["null", null],
    ["a string", "people.csv"],
    ["participants that are not a list", { groupId, participants: "79001234568@c.us" }],
    ["participants left out", { groupId }],
    [
      "participants behind a throwing getter",
      {
        groupId,
        get participants() {
          throw new Error("boom");
        },
      },
    ],
    ["a bad groupId with an empty list", { groupId: "not-a-group", participants: [] }],
    [
      "a bad groupId with only invalid entries",
      { groupId: "not-a-group", participants: [{ participantChatId: "x" }] },
    ],
  ];
  for (const [what, input] of cases)
    it(`rejects ${what} with a validation error`, async () => {
      await rejection(() => client().addGroupParticipants(input as never));
    });

  it("rejects a concurrency that is not a whole number above 0", async () => {
    for (const concurrency of [0, -1, 1.5, Number.NaN])
      await rejection(() =>
        client().addGroupParticipants(
          { groupId, participants: [{ participantChatId }] },
          { concurrency },
        ),
      );
  });
});

describe("options are checked before any request", () => {
  const bad: [string, Partial<GreenApiOptions>][] = [
    ["an apiUrl that is not a URL", { apiUrl: "api.green-api.com" }],
    ["a relative apiUrl", { apiUrl: "/waInstance" }],
    ["an apiUrl that is not http(s)", { apiUrl: "ftp://127.0.0.1" }],
    ["an apiUrl with credentials", { apiUrl: "http://user:pass@127.0.0.1" }],
    ["an apiUrl with a user only", { apiUrl: "http://user@127.0.0.1" }],
    ["an apiUrl with a query", { apiUrl: "http://127.0.0.1/?x=1" }],
    ["an apiUrl with an empty query", { apiUrl: "http://127.0.0.1/?" }],
    ["an apiUrl with a fragment", { apiUrl: "http://127.0.0.1/#x" }],
    ["a timeout of NaN", { timeout: Number.NaN }],
    ["a negative timeout", { timeout: -1 }],
    ["a timeout of 0", { timeout: 0 }],
    ["a timeout past the timer's range", { timeout: 2 ** 31 }],
    ["an infinite timeout", { timeout: Number.POSITIVE_INFINITY }],
    ["a timeout given as text", { timeout: "100" as never }],
    ["retry attempts of 0", { retry: { attempts: 0 } }],
    ["fractional retry attempts", { retry: { attempts: 1.5 } }],
    ["retry attempts of NaN", { retry: { attempts: Number.NaN } }],
    ["a negative retry baseDelay", { retry: { baseDelay: -1 } }],
    ["a retry maxDelay of NaN", { retry: { maxDelay: Number.NaN } }],
    ["a retry deadline of 0", { retry: { deadline: 0 } }],
    ["retry given as true", { retry: true as never }],
    ["an unknown phoneMode", { phoneMode: "e164" as never }],
    ["a maxResponseBytes of 0", { maxResponseBytes: 0 }],
    ["a fractional maxResponseBytes", { maxResponseBytes: 1.5 }],
    ["a fetch that is not a function", { fetch: "fetch" as never }],
    ["pacing that is neither a boolean nor a Pacer", { pacing: "yes" as never }],
  ];
  for (const [what, options] of bad)
    it(`rejects ${what}`, async () => {
      const error = await rejection(() =>
        client(options).addGroupParticipant({ groupId, participantChatId }),
      );
      const field = Object.keys(options)[0] as string;
      if (error.kind === "validation") expect(error.field.split(".")[0]).toBe(field);
      // Not retried, not turned into a network or timeout error: one clear answer.
      await rejection(() =>
        client(options).addGroupParticipants({ groupId, participants: [{ participantChatId }] }),
      );
    });

  const badCall: [string, CallOptions][] = [
    ["a per-call timeout of 0", { timeout: 0 }],
    ["a per-call retry with attempts of -1", { retry: { attempts: -1 } }],
    ["a header value with a line break", { headers: { Prefer: "a\r\nX-Injected: 1" } }],
    ["a header name with a space", { headers: { "Bad Name": "x" } }],
    ["a signal that is not an AbortSignal", { signal: "stop" as never }],
    ["call options that are not an object", null as never],
  ];
  for (const [what, options] of badCall)
    it(`rejects ${what}`, async () => {
      await rejection(() => client().addGroupParticipant({ groupId, participantChatId }, options));
    });

  it("accepts the sane ones, with an https URL and a path prefix", async () => {
    await expect(
      client({
        timeout: 2 ** 31 - 1,
        retry: { attempts: 1, baseDelay: 0, maxDelay: 0, deadline: 10_000 },
        phoneMode: "participantPhone",
        maxResponseBytes: 1024,
      }).addGroupParticipant({ groupId, participantChatId }),
    ).resolves.toEqual({ addParticipant: true });
    const prefixed = createGreenApi({
      idInstance: "1",
      apiTokenInstance: "t",
      apiUrl: "https://127.0.0.1:9/prefix",
    });
    const error = await prefixed
      .getGroupData({ groupId }, { retry: false, timeout: 2_000 })
      .catch((e) => e);
    expect(error.kind).not.toBe("validation");
  });
});
