// The credentials step: the instance the URL names, if its token is right. An unknown instance
// registers itself on its first call (zero set-up); a known one with another token is refused.
import { type SpecAnswer, specAnswer } from "../spec.js";
import type { Instance } from "../world.js";
import type { Routed, StepEnv } from "./state.js";

/** The instance to answer for, or the documented answer to a wrong token. */
export function credentials(
  state: Routed,
  env: Pick<StepEnv, "instanceFor">,
): { instance: Instance } | { answer: SpecAnswer } {
  const { idInstance, apiTokenInstance } = state.params;
  const instance = env.instanceFor(idInstance as string, apiTokenInstance as string);
  if (!instance) return { answer: specAnswer(state.operation, "wrongToken") };
  return { instance };
}
