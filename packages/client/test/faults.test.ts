import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import {
  createGreenApi,
  type GreenApiError,
  type GreenApiOptions,
  type RetryEvent,
} from "../src/index.js";
import { failureOf } from "./failure.js";
import {
  hang,
  json,
  raw,
  reset,
  type Script,
  type ScriptedServer,
  startScripted,
} from "./http-server.js";
import { expectNoLeak } from "./leak.js";

// Characters that URL encoding changes, so both spellings of the token are looked for.
const TOKEN = "S3cr3t-t0ken+/=42";
const ENCODED = encodeURIComponent(TOKEN);
const BODY = { groupId: "79001234567-1587570015@g.us", participantChatId: "79001234568@c.us" };
const FAST = { attempts: 3, baseDelay: 5, maxDelay: 20, deadline: 5_000 };
const QUOTA = {
  invokeStatus: {
    method: "addGroupParticipant",
    used: 100,
    total: 100,
    status: "QUOTE_EXCEEDED",
    description: "used up",
  },
  correspondentsStatus: {
    method: "correspondents",
    used: 3,
    total: 3,
    status: "CORRESPONDENTS_QUOTE_EXCEEDED",
    description: "used up",
  },
};

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => {
  process.on("unhandledRejection", onUnhandled);
});
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
});

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  // A rejection nobody handled surfaces on a later turn of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(unhandled).toEqual([]);
});

const retryEvents: RetryEvent[] = [];

async function clientFor(scripts: Script[], options: Partial<GreenApiOptions> = {}) {
  server = await startScripted(...scripts);
  return createGreenApi({
    idInstance: "1101000001",
    apiTokenInstance: TOKEN,
    apiUrl: server.url,
    retry: FAST,
    onRetry: (event) => retryEvents.push(event),
    ...options,
  });
}

interface FaultCase {
  fault: string;
  scripts: Script[];
  options?: Partial<GreenApiOptions>;
  /** The resolved value, or the error's kind (and status) the caller gets. */
  expected: { value: unknown } | { kind: GreenApiError["kind"]; status?: number };
  attempts: number;
  check?: (error: GreenApiError) => void;
  /** Bounds on how long the call took, in ms. */
  took?: { atLeast?: number; under?: number };
}

const starting = json(400, { code: 400, description: "instance in starting process try later" });
const ok = json(200, { addParticipant: true });

/** A fault the client rides out: its retry gets `ok`'s answer on the second request. */
const recovers = (fault: string, scripts: Script[], took?: FaultCase["took"]): FaultCase => ({
  fault,
  scripts,
  expected: { value: { addParticipant: true } },
  attempts: 2,
  took,
});

const description = (error: GreenApiError) => (error as { description?: string }).description;

const FAULTS: FaultCase[] = [
  recovers("400 instance starting, then 200", [starting, ok]),
  {
    fault: "400 instance starting (plain text) every time",
    scripts: [raw(400, "instance in starting process try later")],
    expected: { kind: "instance-starting", status: 400 },
    attempts: 3,
  },
  recovers(
    "429 with Retry-After: 1, then 200",
    [json(429, { code: 429, description: "Too Many Requests" }, { "Retry-After": "1" }), ok],
    { atLeast: 950 },
  ),
  {
    fault: "429 without Retry-After, every time",
    scripts: [raw(429, "Too Many Requests")],
    expected: { kind: "rate-limited", status: 429 },
    attempts: 3,
  },
  {
    fault: "502 three times",
    scripts: [raw(502, "Bad Gateway")],
    expected: { kind: "server", status: 502 },
    attempts: 3,
  },
  recovers("503, then 200", [raw(503, ""), ok]),
  {
    fault: "500 (not retried)",
    scripts: [raw(500, "Internal Server Error")],
    expected: { kind: "server", status: 500 },
    attempts: 1,
  },
  recovers("connection reset, then 200", [reset, ok]),
  {
    fault: "connection reset every time",
    scripts: [reset],
    expected: { kind: "network" },
    attempts: 3,
  },
  {
    fault: "hang (no answer)",
    scripts: [hang],
    options: { timeout: 150 },
    expected: { kind: "timeout" },
    attempts: 1,
    took: { under: 1_000 },
  },
  {
    fault: "200 with malformed JSON",
    scripts: [raw(200, '{"addParticipant": tru', "application/json")],
    expected: { kind: "unexpected-response", status: 200 },
    attempts: 1,
    check: (error) => expect(error.message).toContain("body is not JSON"),
  },
  {
    fault: "200 with an empty body",
    scripts: [raw(200, "", "application/json")],
    expected: { kind: "unexpected-response", status: 200 },
    attempts: 1,
    check: (error) => {
      expect(error.message).toContain("the outcome is unknown");
      expect(error.message).not.toMatch(/fail/i);
      expect(error.outcomeUnknown).toBe(true);
    },
  },
  {
    fault: "200 carrying the error envelope 401",
    scripts: [json(200, { code: 401, description: "Unauthorized" })],
    expected: { kind: "unauthorized", status: 401 },
    attempts: 1,
    check: (error) => {
      expect(error.message).toContain("in an HTTP 200 answer");
      expect(description(error)).toBe("Unauthorized");
    },
  },
  {
    fault: "200 carrying the error envelope 403",
    scripts: [json(200, { code: 403, description: "Forbidden" })],
    expected: { kind: "forbidden", status: 403 },
    attempts: 1,
  },
  {
    fault: "200 carrying the error envelope 466 with its quota",
    scripts: [json(200, { code: 466, description: "quota exceeded", ...QUOTA })],
    expected: { kind: "quota-exceeded", status: 466 },
    attempts: 1,
    check: (error) => {
      if (error.kind !== "quota-exceeded") throw new Error("narrowing failed");
      expect(error.quota?.invokeStatus?.used).toBe(100);
    },
  },
  {
    fault: "200 carrying the error envelope 500",
    scripts: [json(200, { code: 500, description: "Internal Server Error" })],
    expected: { kind: "server", status: 500 },
    attempts: 1,
  },
  {
    fault: "200 carrying the error envelope 400 bad request data",
    scripts: [json(200, { code: 400, description: "bad request data" })],
    expected: { kind: "bad-request", status: 400 },
    attempts: 1,
  },
  recovers("200 carrying the error envelope 429, then 200", [
    json(200, { code: 429, description: "Too Many Requests" }),
    ok,
  ]),
  recovers("200 carrying the instance-starting envelope, then 200", [
    json(200, { code: 400, description: "instance in starting process try later" }),
    ok,
  ]),
  {
    fault: "200 carrying the error envelope 502 every time",
    scripts: [json(200, { code: 502, description: "Bad Gateway" })],
    expected: { kind: "server", status: 502 },
    attempts: 3,
  },
  {
    fault: "200 with a code below 400 is not an error envelope",
    scripts: [json(200, { code: 200, description: "fine" })],
    expected: { kind: "unexpected-response", status: 200 },
    attempts: 1,
  },
  {
    fault: "200 with a wrong-shaped body",
    scripts: [json(200, { addParticipant: "yes" })],
    expected: { kind: "unexpected-response", status: 200 },
    attempts: 1,
    check: (error) => expect(error.message).toContain("addParticipant must be true or false"),
  },
  {
    fault: "200 with an HTML page",
    scripts: [raw(200, "<html><body>Welcome</body></html>", "text/html")],
    expected: { kind: "unexpected-response", status: 200 },
    attempts: 1,
  },
  {
    fault: "502 HTML error page",
    scripts: [
      raw(
        502,
        "<html><head><title>502</title></head><body><h1>502 Bad Gateway</h1></body></html>",
        "text/html",
      ),
    ],
    expected: { kind: "server", status: 502 },
    attempts: 3,
    check: (error) => expect(description(error)).toBe("502 502 Bad Gateway"),
  },
  {
    fault: "400 HTML page naming an identifier",
    scripts: [
      raw(400, "<html><body><p>instance account not authorized</p></body></html>", "text/html"),
    ],
    expected: { kind: "not-authorized", status: 400 },
    attempts: 1,
  },
  {
    fault: "400 with an empty body",
    scripts: [raw(400, "")],
    expected: { kind: "bad-request", status: 400 },
    attempts: 1,
    check: (error) => expect(description(error)).toBe(""),
  },
  {
    fault: "400 service validation message",
    scripts: [
      json(400, { code: 400, description: "Validation failed. Details: groupId is required" }),
    ],
    expected: { kind: "bad-request", status: 400 },
    attempts: 1,
    check: (error) =>
      expect(description(error)).toBe("Validation failed. Details: groupId is required"),
  },
  {
    fault: "401",
    scripts: [json(401, { code: 401, description: "Unauthorized" })],
    expected: { kind: "unauthorized", status: 401 },
    attempts: 1,
  },
  {
    fault: "403",
    scripts: [raw(403, "Forbidden")],
    expected: { kind: "forbidden", status: 403 },
    attempts: 1,
  },
  {
    fault: "404 page that echoes the URL",
    scripts: [
      (res, req) =>
        raw(404, `<html><body>Cannot POST ${req.url}</body></html>`, "text/html")(res, req, 0),
    ],
    expected: { kind: "not-found", status: 404 },
    attempts: 1,
    check: (error) => expect(description(error)).toContain("/addGroupParticipant/***"),
  },
  {
    fault: "466 with its quota body",
    scripts: [json(466, QUOTA)],
    expected: { kind: "quota-exceeded", status: 466 },
    attempts: 1,
    check: (error) => {
      if (error.kind !== "quota-exceeded") throw new Error("narrowing failed");
      expect(error.quota?.invokeStatus?.used).toBe(100);
    },
  },
];

const seen: GreenApiError[] = [];

describe("fault matrix against a real local server", () => {
  for (const c of FAULTS) {
    it(`${c.fault} -> ${"value" in c.expected ? "resolves" : c.expected.kind} after ${c.attempts} request(s)`, async () => {
      const api = await clientFor(c.scripts, c.options);
      const started = Date.now();
      const call = api.addGroupParticipant(BODY);
      if ("value" in c.expected) {
        await expect(call).resolves.toEqual(c.expected.value);
      } else {
        const error = await failureOf(call);
        seen.push(error);
        expect(error.kind).toBe(c.expected.kind);
        expect(error.status).toBe(c.expected.status);
        expect(error.operation).toBe("addGroupParticipant");
        expect(error.attempts).toBe(c.attempts);
        c.check?.(error);
      }
      expect(server?.received).toHaveLength(c.attempts);
      if (c.took?.atLeast !== undefined)
        expect(Date.now() - started).toBeGreaterThanOrEqual(c.took.atLeast);
      if (c.took?.under !== undefined) expect(Date.now() - started).toBeLessThan(c.took.under);
    });
  }

  it("never shows the token on any surface of any error or retry event", () => {
    expect(seen.length).toBe(FAULTS.filter((c) => !("value" in c.expected)).length);
    expect(retryEvents.length).toBeGreaterThan(0);
    const surfaces: string[] = [];
    for (const error of seen) {
      surfaces.push(
        error.message,
        String(error.stack),
        inspect(error, { depth: 10, showHidden: true }),
        JSON.stringify(error),
      );
      for (
        let cause = error.cause as Error | undefined;
        cause;
        cause = cause.cause as Error | undefined
      ) {
        surfaces.push(cause.message, String(cause.stack), inspect(cause, { showHidden: true }));
      }
      const url = (error as { url?: string }).url;
      if (url !== undefined)
        expect(url).toMatch(/\/waInstance1101000001\/addGroupParticipant\/\*\*\*$/);
    }
    for (const event of retryEvents)
      surfaces.push(inspect(event, { depth: 10, showHidden: true }), JSON.stringify(event));
    for (const text of surfaces) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(ENCODED);
    }
    // No piece of 8 characters either, in any field of any error or event.
    expectNoLeak(seen, TOKEN, "errors");
    expectNoLeak(retryEvents, TOKEN, "onRetry events");
    // The network errors kept a (masked) cause chain to search.
    expect(seen.some((error) => error.kind === "network" && error.cause instanceof Error)).toBe(
      true,
    );
  });
});

describe("retry policy", () => {
  it("honours Retry-After given as an HTTP date", async () => {
    const date = new Date(Date.now() + 2_000).toUTCString();
    const api = await clientFor([
      raw(429, "Too Many Requests", "text/plain", { "Retry-After": date }),
      ok,
    ]);
    const started = Date.now();
    await expect(api.addGroupParticipant(BODY)).resolves.toEqual({ addParticipant: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(server?.received).toHaveLength(2);
  });

  it("gives up at once when Retry-After lies beyond the deadline, with retryAfter in ms", async () => {
    const api = await clientFor(
      [raw(429, "Too Many Requests", "text/plain", { "Retry-After": "30" })],
      {
        retry: { ...FAST, deadline: 1_000 },
      },
    );
    const started = Date.now();
    const error = await failureOf(api.addGroupParticipant(BODY));
    if (error.kind !== "rate-limited") throw new Error(`got ${error.kind}`);
    expect(error.retryAfter).toBe(30_000);
    expect(Date.now() - started).toBeLessThan(500);
    expect(server?.received).toHaveLength(1);
  });

  it("stops at the deadline even with attempts left", async () => {
    const api = await clientFor([raw(502, "Bad Gateway")], {
      retry: { attempts: 50, baseDelay: 100, maxDelay: 100, deadline: 400 },
    });
    const started = Date.now();
    const error = await failureOf(api.addGroupParticipant(BODY));
    expect(error.kind).toBe("server");
    expect(Date.now() - started).toBeLessThan(700);
    expect(error.attempts).toBeLessThan(50);
    expect(server?.received).toHaveLength(error.attempts);
  });

  it("sends once with retry: false on the client, and a call can turn retries back on", async () => {
    const api = await clientFor([raw(502, "Bad Gateway")], { retry: false });
    expect((await failureOf(api.addGroupParticipant(BODY))).attempts).toBe(1);
    expect(server?.received).toHaveLength(1);
    const again = await failureOf(
      api.addGroupParticipant(BODY, { retry: { attempts: 2, baseDelay: 1 } }),
    );
    expect(again.attempts).toBe(2);
    expect(server?.received).toHaveLength(3);
  });

  it("never retries a 4xx other than instance-starting and 429", async () => {
    const api = await clientFor([raw(400, "bad request data")], {
      retry: { ...FAST, attempts: 5 },
    });
    expect((await failureOf(api.addGroupParticipant(BODY))).kind).toBe("bad-request");
    expect(server?.received).toHaveLength(1);
  });
});

describe("timeouts and cancellation", () => {
  it("a per-call timeout overrides the client's", async () => {
    const api = await clientFor([hang], { timeout: 60_000 });
    const started = Date.now();
    const error = await failureOf(api.addGroupParticipant(BODY, { timeout: 100 }));
    if (error.kind !== "timeout") throw new Error(`got ${error.kind}`);
    expect(error.timeout).toBe(100);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("an abort during a request rejects with aborted, not timeout", async () => {
    const api = await clientFor([hang]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failureOf(api.addGroupParticipant(BODY, { signal: controller.signal }));
    expect(error.kind).toBe("aborted");
    expect(error.attempts).toBe(1);
  });

  it("an abort during the backoff sleep stops at once, without another request", async () => {
    const api = await clientFor([raw(502, "Bad Gateway")], {
      retry: { attempts: 5, baseDelay: 5_000, maxDelay: 5_000 },
    });
    // Full jitter could draw a wait shorter than the test's pause: the draw is pinned to 2.5 s.
    const random = vi.spyOn(Math, "random").mockReturnValue(0.5);
    onTestFinished(() => random.mockRestore());
    const controller = new AbortController();
    const started = Date.now();
    const call = failureOf(api.addGroupParticipant(BODY, { signal: controller.signal }));
    // Wait for the first request to be answered, then abort while the client sleeps.
    while ((server?.received.length ?? 0) < 1)
      await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 30));
    controller.abort();
    const error = await call;
    expect(error.kind).toBe("aborted");
    expect(error.attempts).toBe(1);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(server?.received).toHaveLength(1);
  });

  it("an already aborted signal sends nothing", async () => {
    const api = await clientFor([ok]);
    const error = await failureOf(api.addGroupParticipant(BODY, { signal: AbortSignal.abort() }));
    expect(error.kind).toBe("aborted");
    expect(error.attempts).toBe(0);
    expect(server?.received).toHaveLength(0);
  });
});

describe("what goes on the wire", () => {
  it("posts JSON to the operation's path with the token in it, and extra headers", async () => {
    const api = await clientFor([ok]);
    await api.addGroupParticipant(BODY, { headers: { Prefer: "example=added" } });
    const [request] = server?.received ?? [];
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(`/waInstance1101000001/addGroupParticipant/${ENCODED}`);
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers.prefer).toBe("example=added");
    expect(JSON.parse(String(request?.body))).toEqual(BODY);
  });

  it("sends participantPhone as <phone>@c.us by default, and as is with phoneMode participantPhone", async () => {
    const byPhone = { groupId: BODY.groupId, participantPhone: 79001234568 };
    const api = await clientFor([
      (res, req) =>
        json(
          200,
          req.url.includes("removeAdmin") ? { removeAdmin: true } : { addParticipant: true },
        )(res, req, 0),
    ]);
    await api.addGroupParticipant(byPhone);
    const asIs = createGreenApi({
      idInstance: "1101000001",
      apiTokenInstance: TOKEN,
      apiUrl: server?.url ?? "",
      phoneMode: "participantPhone",
    });
    await asIs.addGroupParticipant(byPhone);
    await asIs.removeAdmin({ groupId: BODY.groupId, participantChatId: "79001234569@c.us" });
    const chatIdApi = createGreenApi({
      idInstance: "1101000001",
      apiTokenInstance: TOKEN,
      apiUrl: server?.url ?? "",
      phoneMode: "chatId",
    });
    await chatIdApi.addGroupParticipant(byPhone);
    const bodies = (server?.received ?? []).map((r) => JSON.parse(String(r.body)));
    expect(bodies).toEqual([
      { groupId: BODY.groupId, participantChatId: "79001234568@c.us" },
      byPhone,
      { groupId: BODY.groupId, participantChatId: "79001234569@c.us" },
      { groupId: BODY.groupId, participantChatId: "79001234568@c.us" },
    ]);
  });

  it("sends setGroupPicture as multipart/form-data with the file part", async () => {
    const api = await clientFor([
      json(200, { setGroupPicture: true, urlAvatar: "https://example.invalid/a.jpg", reason: "" }),
    ]);
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    await api.setGroupPicture({ groupId: "120363043968066561@g.us", file: bytes });
    await api.setGroupPicture({
      groupId: "120363043968066561@g.us",
      file: new File([bytes], "me.jpg", { type: "image/jpeg" }),
    });
    for (const [index, request] of (server?.received ?? []).entries()) {
      const type = String(request.headers["content-type"]);
      expect(type).toMatch(/^multipart\/form-data; boundary=/);
      const form = await new Response(new Uint8Array(request.body), {
        headers: { "content-type": type },
      }).formData();
      expect(form.get("groupId")).toBe("120363043968066561@g.us");
      const file = form.get("file") as File;
      expect(file.type).toBe("image/jpeg");
      expect(file.name).toBe(index === 0 ? "file.jpg" : "me.jpg");
      expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
    }
    expect(server?.received).toHaveLength(2);
  });

  it("uses a custom fetch when given one", async () => {
    const seenUrls: string[] = [];
    const api = await clientFor([ok], {
      fetch: (input, init) => {
        seenUrls.push(input);
        return fetch(input, init);
      },
    });
    await api.leaveGroup({ groupId: BODY.groupId }).catch(() => undefined);
    expect(seenUrls).toEqual([`${server?.url}/waInstance1101000001/leaveGroup/${ENCODED}`]);
  });

  it("masks the token in errors a custom fetch throws", async () => {
    const api = await clientFor([ok], {
      fetch: (input) =>
        Promise.reject(
          new TypeError(`could not reach ${input}`, { cause: new Error(`socket for ${input}`) }),
        ),
      retry: false,
    });
    const error = await failureOf(api.addGroupParticipant(BODY));
    expect(error.kind).toBe("network");
    const text = `${error.message}${inspect(error, { depth: 10 })}`;
    expect(text).toContain("/addGroupParticipant/***");
    expect(text).not.toContain(ENCODED);
  });
});
