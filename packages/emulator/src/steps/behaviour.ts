// The behaviour step, the last: the operation's own behaviour answers the admitted, valid call.
import { behaviourOf } from "../behaviours/index.js";
import type { SpecAnswer } from "../spec.js";
import type { Admitted, StepEnv } from "./state.js";

export function behaviour(state: Admitted, env: Pick<StepEnv, "world" | "options">): SpecAnswer {
  return behaviourOf(state.operation.id)({
    world: env.world,
    instance: state.instance,
    operation: state.operation,
    body: state.body,
    now: state.now,
    strict: env.options.strict,
    chatQuota: env.options.chatQuota,
  });
}
