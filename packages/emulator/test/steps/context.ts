// Hand-made contexts for the pipeline's steps: a call, a routed or admitted state and the parts
// of an emulator a step reads, with no HTTP and no createEmulator() in between.
import type { IncomingCall } from "../../src/call.js";
import { createClock } from "../../src/clock.js";
import { Faults } from "../../src/faults.js";
import { createRandom } from "../../src/random.js";
import { RateLimiter } from "../../src/rate-limit.js";
import { type OperationId, operationOf } from "../../src/spec.js";
import type { Admitted, StepEnv } from "../../src/steps/state.js";
import { type Instance, World } from "../../src/world.js";

export const ID = "1101000001";
export const TOKEN = "step-test-token-7d1e";

/** A call whose body is `text` (or `form`); reading a body it does not have throws. */
export function callOf(overrides: Partial<IncomingCall> & { body?: string } = {}): IncomingCall {
  const { body, ...rest } = overrides;
  return {
    method: "POST",
    pathname: "/",
    contentType: "application/json",
    text: async () => {
      if (body === undefined) throw new Error("the step read a body it should not have read");
      return body;
    },
    formData: async () => {
      throw new TypeError("not multipart");
    },
    ...rest,
  };
}

export function instanceOf(overrides: Partial<Instance> = {}): Instance {
  return {
    idInstance: ID,
    token: TOKEN,
    phone: "79001234567",
    chatId: "79001234567@c.us",
    state: "authorized",
    startingUntil: undefined,
    quota: undefined,
    quotaUsed: 0,
    quotaMonth: "2025-01",
    ...overrides,
  };
}

/** An admitted call of operation `id` (its path parameters those of ID and TOKEN). */
export function admitted(
  id: OperationId,
  overrides: Partial<Omit<Admitted, "operation">> = {},
): Admitted {
  return {
    call: callOf(),
    now: Date.UTC(2025, 0, 1),
    operation: operationOf(id),
    params: { idInstance: ID, apiTokenInstance: TOKEN },
    instance: instanceOf(),
    body: undefined,
    request: null,
    ...overrides,
  };
}

/** The parts of an emulator a step reads: a manual clock, an empty world, no faults. */
export function envOf(overrides: Partial<StepEnv> = {}): StepEnv {
  return {
    clock: createClock("manual"),
    world: new World(createRandom(1)),
    limiter: new RateLimiter(),
    faults: new Faults(),
    options: { strict: false, chatQuota: undefined },
    warnedOfClock: false,
    instanceFor: () => undefined,
    ...overrides,
  };
}
