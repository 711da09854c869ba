// The faults step: a fault a test asked for (`fail()`) lands on this call: it waits, drops the
// connection, or answers the status it names. A delay alone lets the call go on as usual.
import { EmulatorError } from "../errors.js";
import { sleep } from "../sleep.js";
import { firstAnswerFor, type Operation, type SpecAnswer } from "../spec.js";
import { type Admitted, DROP, type StepEnv, type Verdict } from "./state.js";

/** A fault's answer: its own body when given, else the spec's first example for the status. */
export function faultAnswer(operation: Operation, status: number, body: unknown): SpecAnswer {
  if (body !== undefined)
    return { status, mediaType: "application/json", body: structuredClone(body) };
  const first = firstAnswerFor(operation, status);
  if (!first)
    throw new EmulatorError(`${operation.id} documents no example for ${status}`, "status");
  return first;
}

export function faults(state: Admitted, env: Pick<StepEnv, "faults">): Verdict | Promise<Verdict> {
  const fault = env.faults.take(state.operation.id);
  if (!fault) return undefined;
  const verdict = fault.reset
    ? DROP
    : fault.status !== undefined
      ? faultAnswer(state.operation, fault.status, fault.body)
      : undefined;
  // Synchronous unless it waits: most calls have no fault, and an await costs every call.
  if (fault.delay === 0) return verdict;
  return sleep(fault.delay, state.call.signal).then(() => verdict);
}
