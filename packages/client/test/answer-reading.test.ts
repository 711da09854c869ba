// Reading an answer is linear and bounded: a hostile error body costs no more than a short one,
// a body of any depth gives the kind its status means (never `network`, never retried as one).
import { describe, expect, it } from "vitest";
import { createGreenApi } from "../src/index.js";
import { failureOf } from "./failure.js";

const GROUP = { groupId: "79001234567-1587570015@g.us" };
const FAST = { attempts: 3, baseDelay: 1, maxDelay: 5, deadline: 5_000 };

/** A client whose every call is answered `status` with `body`; counts the calls sent. */
function answering(status: number, body: string, contentType = "text/html") {
  const sent = { calls: 0 };
  const api = createGreenApi({
    idInstance: "1101000001",
    apiTokenInstance: "reading-token-0123456789abcdef",
    apiUrl: "http://reading.test",
    retry: FAST,
    fetch: async () => {
      sent.calls++;
      return new Response(body, { status, headers: { "content-type": contentType } });
    },
  });
  return { api, sent };
}

describe("answer reading", () => {
  it("reads a 4 MiB error body of '<' with no '>' in well under two seconds (was quadratic: hours)", async () => {
    const { api } = answering(400, "<".repeat(4 * 1024 * 1024 - 1));
    const started = performance.now();
    const error = await failureOf(api.getGroupData(GROUP));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(error.kind).toBe("bad-request");
    expect(error.message.length).toBeLessThan(400);
  });

  it("keeps the start of an HTML error body as one line of text", async () => {
    const { api } = answering(
      400,
      "<html><body><h1>Bad\n\n  request</h1><p>groupId</p></body></html>",
    );
    const error = await failureOf(api.getGroupData(GROUP));
    expect(error.message).toContain("HTTP 400 Bad request groupId");
  });

  for (const [status, kind] of [
    [400, "bad-request"],
    [466, "quota-exceeded"],
  ] as const) {
    it(`gives an HTTP ${status} body nested 5,000 deep the kind ${kind}, sent once`, async () => {
      const deep = `{"description":"x","nested":${"[".repeat(5000)}${"]".repeat(5000)}}`;
      const { api, sent } = answering(status, deep, "application/json");
      const error = await failureOf(api.getGroupData(GROUP));
      expect(error.kind).toBe(kind);
      expect(sent.calls).toBe(1);
    });
  }

  it("gives a 200 body nested 5,000 deep an unexpected-response, never a network error", async () => {
    const deep = `{"groupId":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    const { api, sent } = answering(200, deep, "application/json");
    const error = await failureOf(api.getGroupData(GROUP));
    expect(error.kind).toBe("unexpected-response");
    expect(sent.calls).toBe(1);
  });
});
