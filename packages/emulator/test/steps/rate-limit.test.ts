// The rate-limit step alone: each instance and method gets the spec's calls per second, then 429.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createClock } from "../../src/clock.js";
import { RateLimiter } from "../../src/rate-limit.js";
import { operationOf, specAnswer } from "../../src/spec.js";
import { rateLimit } from "../../src/steps/rate-limit.js";
import { admitted, instanceOf } from "./context.js";

const NOW = Date.UTC(2025, 0, 1);
const perSecond = operationOf("addGroupParticipant").rateLimit?.requestsPerSecond ?? 0;
const envOf = () => ({
  limiter: new RateLimiter(),
  clock: createClock("real"),
  warnedOfClock: false,
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the rate-limit step", () => {
  it("passes on the spec's calls per second, then answers the operation's 429", () => {
    expect(perSecond).toBeGreaterThan(0);
    const env = envOf();
    for (let i = 0; i < perSecond; i++)
      expect(rateLimit(admitted("addGroupParticipant", { now: NOW }), env)).toBeUndefined();
    expect(rateLimit(admitted("addGroupParticipant", { now: NOW }), env)).toEqual(
      specAnswer(operationOf("addGroupParticipant"), "tooManyRequests"),
    );
    // A second later the bucket is full again.
    expect(rateLimit(admitted("addGroupParticipant", { now: NOW + 1000 }), env)).toBeUndefined();
  });

  it("counts each instance and each method apart", () => {
    const env = envOf();
    for (let i = 0; i < perSecond; i++)
      rateLimit(admitted("addGroupParticipant", { now: NOW }), env);
    const other = instanceOf({ idInstance: "1101000002" });
    expect(rateLimit(admitted("addGroupParticipant", { now: NOW, instance: other }), env)).toBe(
      undefined,
    );
    expect(rateLimit(admitted("removeAdmin", { now: NOW }), env)).toBeUndefined();
  });

  it("says once, on a manual clock, why a 429 came: the clock did not move", () => {
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    const env = { ...envOf(), clock: createClock("manual") };
    for (let i = 0; i < perSecond + 3; i++) rateLimit(admitted("addGroupParticipant"), env);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(env.warnedOfClock).toBe(true);
  });

  it("does not warn on a real clock", () => {
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    const env = envOf();
    for (let i = 0; i < perSecond + 3; i++) rateLimit(admitted("addGroupParticipant"), env);
    expect(warn).not.toHaveBeenCalled();
  });
});
