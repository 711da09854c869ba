// The behaviour of every operation, in one table typed by the generated operation ids: an
// operation of the spec without a behaviour fails the type check. A method that changes and reads
// nothing says so with `stateless("exampleName")`.
import type { OperationId } from "../spec.js";
import type { Behaviour, Behaviours } from "./context.js";
import { groupBehaviours } from "./groups.js";
import { jobBehaviours } from "./jobs.js";

export const behaviours: Behaviours = { ...groupBehaviours, ...jobBehaviours };

/** Operations that answer in any state of the instance (the others only once it is authorized). */
export const answersInAnyState: ReadonlySet<OperationId> = new Set<OperationId>([
  "getStateInstance",
]);

/** The behaviour of an operation the route found. */
export function behaviourOf(id: OperationId): Behaviour<OperationId> {
  // The table holds K's behaviour under K: called with K's context, which the route gives.
  return behaviours[id] as Behaviour<OperationId>;
}
