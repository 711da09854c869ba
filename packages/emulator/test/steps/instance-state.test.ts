// The instance-state step alone: only an authorized instance passes on, but for the methods that
// answer in any state; a starting instance's start ends on the emulator's clock.
import { describe, expect, it } from "vitest";
import { operationOf, specAnswer } from "../../src/spec.js";
import { instanceState } from "../../src/steps/instance-state.js";
import { admitted, instanceOf } from "./context.js";

const NOW = Date.UTC(2025, 0, 1);

describe("the instance-state step", () => {
  it("passes on a call of an authorized instance", () => {
    expect(instanceState(admitted("createGroup"))).toBeUndefined();
  });

  it("answers a starting instance with the operation's instanceStarting answer", () => {
    const instance = instanceOf({ state: "starting" });
    expect(instanceState(admitted("createGroup", { instance }))).toEqual(
      specAnswer(operationOf("createGroup"), "instanceStarting"),
    );
  });

  it("answers an instance not authorized with the operation's notAuthorized answer", () => {
    const instance = instanceOf({ state: "notAuthorized" });
    expect(instanceState(admitted("sendMessage", { instance }))).toEqual(
      specAnswer(operationOf("sendMessage"), "notAuthorized"),
    );
  });

  it("passes on getStateInstance in every state", () => {
    for (const state of ["starting", "notAuthorized"] as const)
      expect(
        instanceState(admitted("getStateInstance", { instance: instanceOf({ state }) })),
      ).toBeUndefined();
  });

  it("makes a starting instance authorized once its start is over, and only then", () => {
    const instance = instanceOf({ state: "starting", startingUntil: NOW + 5000 });
    expect(instanceState(admitted("createGroup", { instance, now: NOW + 4999 }))).toBeDefined();
    expect(instance.state).toBe("starting");
    expect(instanceState(admitted("createGroup", { instance, now: NOW + 5000 }))).toBe(undefined);
    expect(instance).toMatchObject({ state: "authorized", startingUntil: undefined });
  });
});
