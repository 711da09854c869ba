// The instance-state step: a starting instance (whose start is not over) or one not authorized
// answers only the methods that work in any state; the others get the documented 400.
import { answersInAnyState } from "../behaviours/index.js";
import { type SpecAnswer, specAnswer } from "../spec.js";
import type { Admitted } from "./state.js";

export function instanceState(state: Admitted): SpecAnswer | undefined {
  const { instance, operation } = state;
  if (
    instance.state === "starting" &&
    instance.startingUntil !== undefined &&
    state.now >= instance.startingUntil
  ) {
    instance.state = "authorized";
    instance.startingUntil = undefined;
  }
  if (answersInAnyState.has(operation.id)) return undefined;
  if (instance.state === "starting") return specAnswer(operation, "instanceStarting");
  if (instance.state === "notAuthorized") return specAnswer(operation, "notAuthorized");
  return undefined;
}
