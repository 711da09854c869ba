import { afterEach, describe, expect, it } from "vitest";
import { createGreenApi, type GreenApiOptions, type RetryEvent } from "../src/bulk-client.js";
import { failureOf } from "./failure.js";
import { json, raw, type Script, type ScriptedServer, startScripted } from "./http-server.js";
import { expectNoLeak, tokenPieces } from "./leak.js";

// Reserved characters, a space, a percent sign and a non-ASCII letter: every URL spelling differs.
const TOKENS = ["S3cr3t-t0ken+/=42", "tok/en?#&=+% é x;A1b2C3d4", "abcdef0123456789abcdef01"];
const GROUP = "79001234567-1587570015@g.us";
const BODY = { groupId: GROUP, participantChatId: "79001234568@c.us" };
const FAST = { attempts: 2, baseDelay: 1, maxDelay: 2, deadline: 5_000 };

const lowerHex = (text: string) => text.replace(/%[\dA-F]{2}/g, (hex) => hex.toLowerCase());
const decoded = (url: string) => decodeURIComponent(url);

// Ways a server echoes the request path back (Script gets the path exactly as it arrived).
const ECHOES: [string, (url: string) => string][] = [
  ["as sent", (url) => url],
  ["decoded", decoded],
  ["re-encoded in lowercase hex", (url) => lowerHex(url)],
  ["decoded then re-encoded whole", (url) => encodeURIComponent(decoded(url))],
  ["cut to a part of the token", (url) => decoded(url).slice(0, -3)],
  ["in upper case", (url) => decoded(url).toUpperCase()],
  ["percent-encoded in upper case", (url) => url.toUpperCase()],
  ["straddling a 200-character cut", (url) => `${"x".repeat(200 - 40)}${decoded(url)}`],
];

// Places an echo can land in an answer.
const PLACES: [string, (echo: string) => Script][] = [
  ["a 400 text body", (echo) => raw(400, `Cannot POST ${echo}`)],
  ["a 400 JSON description", (echo) => json(400, { code: 400, description: echo })],
  ["a 404 HTML page", (echo) => raw(404, `<html><body>${echo}</body></html>`, "text/html")],
  [
    "a 466 quota body",
    (echo) =>
      json(466, {
        invokeStatus: { method: echo, used: 1, total: 1, status: echo, description: echo },
        [echo]: echo,
      }),
  ],
  ["a 200 error envelope", (echo) => json(200, { code: 401, description: echo })],
  ["a 200 of the wrong shape", (echo) => json(200, { addParticipant: echo })],
  ["a 200 that is not JSON", (echo) => raw(200, `<p>${echo}</p>`, "text/html")],
  ["a 502 page (retried)", (echo) => raw(502, echo)],
];

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function client(token: string, options: Partial<GreenApiOptions>) {
  return createGreenApi({
    idInstance: "1101000001",
    apiTokenInstance: token,
    retry: FAST,
    ...options,
  });
}

describe("the leak check itself", () => {
  it("catches a piece of 8 characters in any field, deep", () => {
    const token = TOKENS[1] as string;
    const error = Object.assign(new Error("fine"), { detail: { list: [token.slice(3, 11)] } });
    expect(() => expectNoLeak(error, token)).toThrow(/leaks/);
    expect(() =>
      expectNoLeak({ a: lowerHex(encodeURIComponent(token)).slice(2, 10) }, token),
    ).toThrow(/leaks/);
    expect(tokenPieces(token).size).toBeGreaterThan(token.length);
  });
});

describe("an answer that echoes the token never shows it, whole or in part", () => {
  for (const token of TOKENS)
    for (const [echoName, echo] of ECHOES)
      for (const [place, answer] of PLACES)
        it(`token ${JSON.stringify(token)}, echoed ${echoName} in ${place}`, async () => {
          server = await startScripted((res, req, step) => answer(echo(req.url))(res, req, step));
          const events: RetryEvent[] = [];
          const api = client(token, { apiUrl: server.url, onRetry: (e) => events.push(e) });
          const error = await failureOf(api.addGroupParticipant(BODY));
          expect(server.received.length).toBeGreaterThan(0);
          expectNoLeak(error, token, "error");
          expectNoLeak(events, token, "onRetry events");
          const bulk = await api.addGroupParticipants(
            { groupId: GROUP, participants: [{ participantChatId: "79001234569@c.us" }] },
            { retry: false },
          );
          expect(bulk.counts.failed).toBe(1);
          expectNoLeak(bulk, token, "bulk results");
        });
});

describe("errors the transport throws are masked in every field", () => {
  for (const token of TOKENS)
    it(`token ${JSON.stringify(token)} in a thrown error's message, cause, code and own fields`, async () => {
      const api = client(token, {
        apiUrl: "http://127.0.0.1:9",
        retry: false,
        fetch: (input) => {
          const inner = Object.assign(new Error(`socket ${decoded(input)}`), {
            code: lowerHex(input).slice(-20),
            request: { url: input, path: decoded(input) },
          });
          return Promise.reject(
            Object.assign(new TypeError(`could not reach ${input}`, { cause: inner }), {
              url: input,
            }),
          );
        },
      });
      const error = await failureOf(api.addGroupParticipant(BODY));
      expect(error.kind).toBe("network");
      expect(error.cause).toBeInstanceOf(Error);
      expectNoLeak(error, token);
    });
});

describe("input that carries the token is masked in the validation error", () => {
  const token = TOKENS[1] as string;
  it("an unknown key named like the token", async () => {
    const api = client(token, { apiUrl: "http://127.0.0.1:9" });
    const error = await failureOf(api.addGroupParticipant({ ...BODY, [token]: token } as never));
    expect(error.kind).toBe("validation");
    expectNoLeak(error, token);
  });
  it("the token given as a chat id, in a single call and in a bulk entry", async () => {
    const api = client(token, { apiUrl: "http://127.0.0.1:9" });
    expectNoLeak(
      await failureOf(api.addGroupParticipant({ groupId: GROUP, participantChatId: token })),
      token,
    );
    const bulk = await api.addGroupParticipants({
      groupId: GROUP,
      participants: [{ participantChatId: token }, { [token]: 1 } as never],
    });
    expect(bulk.counts.failed).toBe(2);
    expectNoLeak(bulk, token);
  });
});

describe("a token too short to be real is masked only in the URL, never in the client's own words", () => {
  for (const token of ["any", "t"])
    it(`token ${JSON.stringify(token)}: a 429 reads "Too Many Requests" and the URL ends in ***`, async () => {
      const api = client(token, {
        apiUrl: "http://127.0.0.1:9",
        retry: false,
        fetch: async () => new Response("Too Many Requests", { status: 429 }),
      });
      const error = await failureOf(api.addGroupParticipant(BODY));
      expect(error.kind).toBe("rate-limited");
      expect(error.message).toContain("HTTP 429 Too Many Requests");
      expect((error as { url?: string }).url).toMatch(/^http:\/\/127\.0\.0\.1:9\/.*\/\*\*\*$/);
    });
});
