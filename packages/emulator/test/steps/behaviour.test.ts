// The behaviour step alone: the admitted, valid call goes to its operation's behaviour, which
// answers from the spec's examples with the live values.
import { describe, expect, it } from "vitest";
import { operationOf, specAnswer } from "../../src/spec.js";
import { behaviour } from "../../src/steps/behaviour.js";
import { admitted, envOf, instanceOf } from "./context.js";

describe("the behaviour step", () => {
  it("answers getStateInstance with the instance's own state", () => {
    const instance = instanceOf({ state: "starting" });
    const answer = behaviour(admitted("getStateInstance", { instance }), envOf());
    expect(answer).toEqual({
      ...specAnswer(operationOf("getStateInstance"), "authorized"),
      body: { stateInstance: "starting" },
    });
  });

  it("lets createGroup make a group in the world it is given", () => {
    const env = envOf();
    const body = { groupName: "Team", chatIds: ["79001234568@c.us"] };
    const answer = behaviour(admitted("createGroup", { body }), env);
    expect(answer).toMatchObject({ body: { created: true } });
    const group = [...env.world.groups.values()][0];
    expect(group?.subject).toBe("Team");
    expect([...(group?.members.keys() ?? [])]).toEqual(["79001234567@c.us", "79001234568@c.us"]);
  });

  it("uses the emulator's strict mode: a person it was not told of has no WhatsApp", () => {
    const body = { phoneNumber: 79001234568 };
    const lenient = behaviour(admitted("checkWhatsapp", { body }), envOf());
    const strict = behaviour(
      admitted("checkWhatsapp", { body }),
      envOf({ options: { strict: true } }),
    );
    expect(lenient).toEqual(specAnswer(operationOf("checkWhatsapp"), "exists"));
    expect(strict).toEqual(specAnswer(operationOf("checkWhatsapp"), "notExists"));
  });
});
