// The quota step: an instance given a monthly quota (the Developer plan's calls) gets the
// documented 466 once the month's calls are used; the count starts over each UTC month.
import { type OperationId, type OperationOf, type SpecAnswer, specAnswer } from "../spec.js";
import { type Instance, monthOf } from "../world.js";
import type { Admitted } from "./state.js";

/** The 466 report, with this instance's numbers. */
export function quotaAnswer(operation: OperationOf<OperationId>, instance: Instance): SpecAnswer {
  const found = specAnswer(operation, "quotaExceeded");
  const report = found.body as { invokeStatus: Record<string, unknown> };
  // Only the calls quota is modelled, so only its part is reported (the schema allows that).
  found.body = {
    invokeStatus: {
      ...report.invokeStatus,
      method: operation.id,
      used: instance.quotaUsed,
      total: instance.quota,
    },
  };
  return found;
}

export function quota(state: Admitted): SpecAnswer | undefined {
  const { instance } = state;
  if (instance.quota === undefined) return undefined;
  const month = monthOf(state.now);
  if (month !== instance.quotaMonth) {
    instance.quotaMonth = month;
    instance.quotaUsed = 0;
  }
  if (instance.quotaUsed >= instance.quota) return quotaAnswer(state.operation, instance);
  instance.quotaUsed++;
  return undefined;
}
