// startMock({ proxy }): Prism's validators check real traffic to an upstream on 127.0.0.1 and
// record what the spec does not allow, while every request and answer passes unchanged.
import { gzipSync } from "node:zlib";
import { waitFor } from "@greenspec/test-helpers";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from "vitest";
import { type Mock, startMock } from "../dist/index.js";
import { formData, send } from "./http.js";
import {
  isMultipart,
  type JsonValue,
  type Operation,
  operations,
  operationUrl,
} from "./openapi-operations.js";
import { invalidBodies, validBodies } from "./request-bodies.js";
import { type Answer, encoded, startUpstream, type Upstream } from "./upstream.js";

let upstream: Upstream;
let proxy: Mock;

beforeAll(async () => {
  upstream = await startUpstream();
  proxy = await startMock({ proxy: upstream.url });
});
afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
});
beforeEach(() => {
  upstream.received.length = 0;
  proxy.violations.length = 0;
});

/** The request's bytes as a client sends them; JSON spaced out, so a re-serialization shows. */
async function requestBytes(operation: Operation, body: JsonValue) {
  return isMultipart(operation)
    ? encoded(formData(operation, body))
    : encoded(JSON.stringify(body, null, 3), operation.requestMediaType);
}

/** Sends one request through the proxy and waits until the proxy has checked it. */
async function exchange(operation: Operation, body: JsonValue, answer: Answer, token?: string) {
  upstream.answer = () => answer;
  const { bytes, contentType } = await requestBytes(operation, body);
  const before = proxy.checked;
  const url = operationUrl(proxy.url, operation, token ? { apiTokenInstance: token } : {});
  const response = await fetch(url, {
    method: operation.method.toUpperCase(),
    headers: { "content-type": contentType, "x-client-header": "kept" },
    body: new Uint8Array(bytes),
    signal: AbortSignal.timeout(5000),
  });
  const reply = {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer()),
  };
  await waitFor(() => proxy.checked !== before, 5000);
  expect(proxy.checked, "the proxy checked the exchange").toBeGreaterThan(before);
  return { reply, sent: bytes, contentType, url };
}

function firstExample(operation: Operation): JsonValue {
  const example = operation.responses.find(
    (response) => response.status === 200 && response.mediaType.includes("json"),
  )?.examples[0];
  if (!example) throw new Error(`${operation.id} has no 200 JSON example`);
  return example.value;
}

function jsonAnswer(value: unknown, status = 200): Answer {
  // Spaced out and with a header of its own, so any rewriting on the way shows.
  return {
    status,
    headers: { "content-type": "application/json", "x-upstream-header": "kept" },
    body: JSON.stringify(value, null, 5),
  };
}

describe.each(operations.map((operation): [string, Operation] => [operation.id, operation]))(
  "%s through the proxy",
  (_, operation) => {
    const [valid] = validBodies(operation);

    test("an in-spec exchange passes byte for byte and records no violation", async () => {
      const answer = jsonAnswer(firstExample(operation));
      const { reply, sent, contentType } = await exchange(operation, valid?.body ?? null, answer);
      expect(proxy.violations).toEqual([]);
      const [received] = upstream.received;
      expect(received?.method).toBe(operation.method.toUpperCase());
      expect(received?.body.equals(sent), "the request body reached the upstream unchanged").toBe(
        true,
      );
      expect(received?.headers["content-type"]).toBe(contentType);
      expect(received?.headers["x-client-header"]).toBe("kept");
      expect(reply.status).toBe(200);
      expect(reply.body.toString()).toBe(answer.body);
      expect(reply.headers.get("x-upstream-header")).toBe("kept");
      expect(reply.headers.get("content-type")).toBe("application/json");
    });

    test("an out-of-spec answer is passed on and recorded as a response violation of the operation", async () => {
      const answer = jsonAnswer(["not", "in", "the", "spec"]);
      const { reply } = await exchange(operation, valid?.body ?? null, answer);
      expect(reply.body.toString()).toBe(answer.body);
      expect(proxy.violations.length).toBeGreaterThan(0);
      for (const violation of proxy.violations) {
        expect(violation).toMatchObject({ operation: operation.id, direction: "response" });
        expect(typeof violation.message).toBe("string");
      }
    });

    // Not an unknown multipart part: Prism drops those before validating (see contract.test.ts).
    const invalid = invalidBodies(operation).find(
      (entry) => !(isMultipart(operation) && entry.breaks === "unknown key"),
    );
    test.runIf(invalid)(
      "an invalid request is still forwarded unchanged and recorded as a request violation",
      async () => {
        const answer = jsonAnswer(firstExample(operation));
        const { reply, sent } = await exchange(operation, invalid?.body ?? null, answer);
        expect(upstream.received).toHaveLength(1);
        expect(upstream.received[0]?.body.equals(sent)).toBe(true);
        expect(reply.status).toBe(200);
        expect(reply.body.toString()).toBe(answer.body);
        const requestViolations = proxy.violations.filter((v) => v.direction === "request");
        expect(requestViolations.length).toBeGreaterThan(0);
        for (const violation of requestViolations) expect(violation.operation).toBe(operation.id);
      },
    );
  },
);

const [operation] = operations;
if (!operation) throw new Error("the bundled spec has no operation");
const [valid] = validBodies(operation);

test("a status the service should not send (501) comes back as sent, never mocked in its place", async () => {
  const answer: Answer = { status: 501, headers: { "content-type": "text/plain" }, body: "nope" };
  const { reply } = await exchange(operation, valid?.body ?? null, answer);
  expect(reply.status).toBe(501);
  expect(reply.body.toString()).toBe("nope");
  expect(proxy.violations.some((v) => v.direction === "response")).toBe(true);
});

test("a compressed answer passes still compressed, and is checked decompressed", async () => {
  const json = JSON.stringify(firstExample(operation));
  const body = gzipSync(json);
  const answer: Answer = {
    status: 200,
    headers: { "content-type": "application/json", "content-encoding": "gzip" },
    body,
  };
  const { reply } = await exchange(operation, valid?.body ?? null, answer);
  // fetch decompresses: the bytes that arrived were the upstream's gzip stream.
  expect(reply.body.toString()).toBe(json);
  expect(reply.headers.get("content-encoding")).toBe("gzip");
  expect(proxy.violations).toEqual([]);
});

test("a request to a path the spec does not have is forwarded and recorded without an operation", async () => {
  upstream.answer = () => ({ status: 404, headers: {}, body: "" });
  const before = proxy.checked;
  const response = await fetch(`${proxy.url}/not/in/the/spec?x=1`, { method: "GET" });
  expect(response.status).toBe(404);
  expect(upstream.received[0]?.url).toBe("/not/in/the/spec?x=1");
  await waitFor(() => proxy.checked !== before, 5000);
  expect(proxy.violations).toEqual([
    { operation: null, direction: "request", message: expect.any(String) },
  ]);
});

test("an upstream that cannot be reached gets a 502 problem, and the proxy keeps serving", async () => {
  const dead = await startUpstream();
  await dead.close();
  const lonely = await startMock({ proxy: dead.url });
  try {
    const response = await fetch(operationUrl(lonely.url, operation), {
      method: "POST",
      body: "{}",
    });
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const again = await fetch(operationUrl(lonely.url, operation), { method: "POST", body: "{}" });
    expect(again.status).toBe(502);
  } finally {
    await lonely.close();
  }
});

test("refuses an upstream that is not a plain http(s) URL", async () => {
  await expect(startMock({ proxy: "ftp://127.0.0.1/" })).rejects.toThrow(/http\(s\)/);
  await expect(startMock({ proxy: "http://user:pw@127.0.0.1/" })).rejects.toThrow(/credentials/);
});

test("an upstream URL with a path prefixes every forwarded path with it", async () => {
  const prefixed = await startMock({ proxy: `${upstream.url}/base/` });
  try {
    upstream.answer = () => jsonAnswer(firstExample(operation));
    const response = await fetch(`${operationUrl(prefixed.url, operation)}?q=1`, {
      method: "POST",
      body: "{}",
    });
    await response.arrayBuffer();
    expect(upstream.received.at(-1)?.url).toBe(
      `/base${new URL(operationUrl(prefixed.url, operation)).pathname}?q=1`,
    );
  } finally {
    await prefixed.close();
  }
});

test("in front of the mock itself, every operation's valid call passes with no violation", async () => {
  const referee = await startMock({ proxy: inject("mockUrl") });
  try {
    for (const each of operations) {
      const reply = await send(
        operationUrl(referee.url, each),
        each,
        validBodies(each)[0]?.body ?? null,
      );
      expect(reply.status, each.id).toBe(200);
    }
    await waitFor(() => referee.checked >= operations.length, 5000);
    expect(referee.checked).toBe(operations.length);
    expect(referee.violations).toEqual([]);
  } finally {
    await referee.close();
  }
});
