// The faults step alone: a pending fault answers, drops the connection or waits; none passes on.
import { describe, expect, it, vi } from "vitest";
import { Faults } from "../../src/faults.js";
import { operationOf, specAnswer } from "../../src/spec.js";
import { faults } from "../../src/steps/fault.js";
import { DROP } from "../../src/steps/state.js";
import { admitted, callOf } from "./context.js";

const pending = (fault: Partial<Parameters<Faults["add"]>[1]>) => {
  const queue = new Faults();
  queue.add("createGroup", {
    status: undefined,
    body: undefined,
    reset: false,
    delay: 0,
    left: 1,
    after: 0,
    ...fault,
  });
  return { faults: queue };
};

describe("the faults step", () => {
  it("passes a call on when no fault is pending for its operation", async () => {
    expect(await faults(admitted("createGroup"), { faults: new Faults() })).toBeUndefined();
  });

  it("answers a fault's status with the spec's first example for it", async () => {
    const internal = specAnswer(operationOf("createGroup"), "rateOverlimit");
    const verdict = await faults(admitted("createGroup"), pending({ status: internal.status }));
    expect(verdict).toEqual(internal);
  });

  it("answers a fault's own body, as a copy", async () => {
    const body = { code: 500, description: "boom" };
    const verdict = await faults(admitted("createGroup"), pending({ status: 500, body }));
    expect(verdict).toEqual({ status: 500, mediaType: "application/json", body });
    expect((verdict as { body: unknown }).body).not.toBe(body);
  });

  it("drops the connection for a reset fault", async () => {
    expect(await faults(admitted("createGroup"), pending({ reset: true }))).toBe(DROP);
  });

  it("lets `after` calls through before the fault lands, and a fault counts down", async () => {
    const env = pending({ reset: true, after: 1 });
    expect(await faults(admitted("createGroup"), env)).toBeUndefined();
    expect(await faults(admitted("createGroup"), env)).toBe(DROP);
    expect(await faults(admitted("createGroup"), env)).toBeUndefined();
  });

  it("ends a delay when the call is aborted, with the abort's reason", async () => {
    const controller = new AbortController();
    const state = admitted("createGroup", { call: callOf({ signal: controller.signal }) });
    const waiting = faults(state, pending({ delay: 60_000 }));
    controller.abort(new Error("caller gave up"));
    await expect(waiting).rejects.toThrow("caller gave up");
  });

  it("passes the call on after a delay alone, once the delay is over", async () => {
    vi.useFakeTimers();
    try {
      let verdict: unknown = "waiting";
      const waiting = Promise.resolve(
        faults(admitted("createGroup"), pending({ delay: 5000 })),
      ).then((v) => {
        verdict = v;
      });
      await vi.advanceTimersByTimeAsync(4999);
      expect(verdict).toBe("waiting");
      await vi.advanceTimersByTimeAsync(1);
      await waiting;
      expect(verdict).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
