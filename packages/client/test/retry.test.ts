import { describe, expect, it } from "vitest";
import { GreenApiError, type GreenApiErrorDetails } from "../src/index.js";
import { backoff, isRetryable, parseRetryAfter, retryDefaults, sleep } from "../src/retry.js";

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

describe("what is retried", () => {
  it("retries starting instances, 429, 502/503/504 and lost connections", () => {
    expect(isRetryable(errorOf({ kind: "instance-starting", status: 400, ...answered }))).toBe(
      true,
    );
    expect(isRetryable(errorOf({ kind: "rate-limited", status: 429, ...answered }))).toBe(true);
    for (const status of [502, 503, 504])
      expect(isRetryable(errorOf({ kind: "server", status, ...answered }))).toBe(true);
    expect(isRetryable(errorOf({ kind: "network", url: "" }))).toBe(true);
  });
  it("does not retry anything else", () => {
    expect(isRetryable(errorOf({ kind: "server", status: 500, ...answered }))).toBe(false);
    expect(isRetryable(errorOf({ kind: "bad-request", status: 400, ...answered }))).toBe(false);
    expect(isRetryable(errorOf({ kind: "not-authorized", status: 400, ...answered }))).toBe(false);
    expect(isRetryable(errorOf({ kind: "timeout", url: "", timeout: 1 }))).toBe(false);
    expect(isRetryable(errorOf({ kind: "aborted" }))).toBe(false);
    expect(isRetryable(errorOf({ kind: "validation", field: "f", rule: "r" }))).toBe(false);
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
