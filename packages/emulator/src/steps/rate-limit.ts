// The rate-limit step: the spec's `x-greenspec-rate-limit`, per instance and per method, as a
// token bucket; past it, the documented 429.
import { warnStandingClock } from "../rate-limit.js";
import { type SpecAnswer, specAnswer } from "../spec.js";
import type { Admitted, StepEnv } from "./state.js";

export function rateLimit(
  state: Admitted,
  env: Pick<StepEnv, "limiter" | "clock" | "warnedOfClock">,
): SpecAnswer | undefined {
  const { operation, now } = state;
  const perSecond = operation.rateLimit?.requestsPerSecond;
  if (perSecond === undefined) return undefined;
  const key = `${state.instance.idInstance}\u0000${operation.id}`;
  if (env.limiter.take(key, perSecond, now)) return undefined;
  if (env.clock.mode === "manual" && !env.warnedOfClock) {
    env.warnedOfClock = true;
    warnStandingClock(operation.id, perSecond);
  }
  return specAnswer(operation, "tooManyRequests");
}
