import { describe, expect, it } from "vitest";
import { GreenApiError, type GreenApiErrorDetails } from "../src/index.js";
import {
  backoff,
  isRetryable,
  mayHaveRun,
  parseRetryAfter,
  retryDefaults,
  sleep,
} from "../src/retry.js";

const errorOf = (details: GreenApiErrorDetails) =>
  new GreenApiError("x", { ...details, operation: "addGroupParticipant", attempts: 1 });
const answered = { description: "", url: "" };

describe("Retry-After", () => {
  it("reads delta seconds as ms", () => {
    expect(parseRetryAfter("3")).toBe(3_000);
    expect(parseRetryAfter(" 0 ")).toBe(0);
  });
  it("reads an HTTP date relative to now, never negative", () => {
    const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:05 GMT", now)).toBe(5_000);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now)).toBe(0);
  });
  it("ignores a missing or unreadable header", () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});

describe("backoff", () => {
  it("stays within [0, min(maxDelay, baseDelay * 2^(attempt-1)))", () => {
    const options = { ...retryDefaults, baseDelay: 100, maxDelay: 1_000 };
    for (let attempt = 1; attempt <= 8; attempt++) {
      const cap = Math.min(1_000, 100 * 2 ** (attempt - 1));
      for (let i = 0; i < 200; i++) {
        const delay = backoff(attempt, options);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(cap);
      }
    }
  });
  it("is jittered, not a fixed schedule", () => {
    const delays = new Set(Array.from({ length: 20 }, () => backoff(3, retryDefaults)));
    expect(delays.size).toBeGreaterThan(10);
  });
});

describe("what is retried for an operation that is safe to repeat", () => {
  it("retries starting instances, 429, 502/503/504 and lost connections", () => {
    expect(
      isRetryable(errorOf({ kind: "instance-starting", status: 400, ...answered }), true),
    ).toBe(true);
    expect(isRetryable(errorOf({ kind: "rate-limited", status: 429, ...answered }), true)).toBe(
      true,
    );
    for (const status of [502, 503, 504])
      expect(isRetryable(errorOf({ kind: "server", status, ...answered }), true)).toBe(true);
    expect(isRetryable(errorOf({ kind: "network", url: "" }), true)).toBe(true);
  });
  it("does not retry anything else", () => {
    expect(isRetryable(errorOf({ kind: "server", status: 500, ...answered }), true)).toBe(false);
    expect(isRetryable(errorOf({ kind: "bad-request", status: 400, ...answered }), true)).toBe(
      false,
    );
    expect(isRetryable(errorOf({ kind: "not-authorized", status: 400, ...answered }), true)).toBe(
      false,
    );
    expect(isRetryable(errorOf({ kind: "timeout", url: "", timeout: 1 }), true)).toBe(false);
    expect(isRetryable(errorOf({ kind: "aborted" }), true)).toBe(false);
    expect(isRetryable(errorOf({ kind: "validation", field: "f", rule: "r" }), true)).toBe(false);
  });
});

describe("what is retried for an operation that is not safe to repeat", () => {
  it("retries only failures that prove the request was not carried out", () => {
    expect(
      isRetryable(errorOf({ kind: "instance-starting", status: 400, ...answered }), false),
    ).toBe(true);
    expect(isRetryable(errorOf({ kind: "rate-limited", status: 429, ...answered }), false)).toBe(
      true,
    );
    expect(isRetryable(errorOf({ kind: "network", url: "", connectFailed: true }), false)).toBe(
      true,
    );
  });
  it("never retries a lost connection, a 5xx or a timeout", () => {
    expect(isRetryable(errorOf({ kind: "network", url: "" }), false)).toBe(false);
    expect(isRetryable(errorOf({ kind: "network", url: "", connectFailed: false }), false)).toBe(
      false,
    );
    for (const status of [500, 502, 503, 504])
      expect(isRetryable(errorOf({ kind: "server", status, ...answered }), false)).toBe(false);
    expect(isRetryable(errorOf({ kind: "timeout", url: "", timeout: 1 }), false)).toBe(false);
    expect(
      isRetryable(errorOf({ kind: "unexpected-response", status: 200, ...answered }), false),
    ).toBe(false);
  });
});

describe("when the outcome is unknown", () => {
  it("after a lost connection, a timeout, a 5xx, an unreadable 2xx or an abort in flight", () => {
    for (const kind of ["server", "timeout", "unexpected-response", "aborted", "network"])
      expect(mayHaveRun({ kind }), kind).toBe(true);
  });
  it("not when the answer says what happened or no connection was made", () => {
    for (const kind of [
      "instance-starting",
      "rate-limited",
      "bad-request",
      "unauthorized",
      "validation",
    ])
      expect(mayHaveRun({ kind }), kind).toBe(false);
    expect(mayHaveRun({ kind: "network", connectFailed: true })).toBe(false);
  });
});

describe("sleep", () => {
  it("ends early when the signal aborts", async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 20);
    await sleep(5_000, controller.signal);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
