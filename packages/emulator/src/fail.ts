// The fail() control: a fault for the next calls of an operation, checked against the spec (a
// status it documents, a body its schema for that status accepts) before anything is queued.
import { EmulatorError } from "./errors.js";
import type { FailOptions, Faults } from "./faults.js";
import { requireCount } from "./inputs.js";
import { findOperation, type Operation, operations, statusesOf } from "./spec.js";
import { faultAnswer } from "./steps/fault.js";
import { checkAnswer } from "./validate.js";

/** The longest delay a fault may hold a call for: what one timer can wait (about 24.8 days). */
export const MAX_DELAY_MS = 2 ** 31 - 1;

/** Throws unless `status` (and `body`, when given) is an answer the spec documents. */
function checkFaultAnswer(operation: Operation, status: unknown, body: unknown): void {
  const statuses = statusesOf(operation);
  if (status !== undefined && !statuses.includes(status as number))
    throw new EmulatorError(
      `${operation.id} documents the statuses ${statuses.join(", ")}, not ${String(status).slice(0, 20)}`,
      "status",
    );
  if (body !== undefined) {
    if (status === undefined) throw new EmulatorError("a body needs a status", "body");
    const verdict = checkAnswer(operation, status as number, body);
    if (!verdict.valid)
      throw new EmulatorError(
        `body does not match the spec's ${status} answer: ${verdict.detail}`,
        "body",
      );
  } else if (status !== undefined) {
    faultAnswer(operation, status as number, undefined);
  }
}

export function fail(faults: Faults, operationId: unknown, options: FailOptions = {}): void {
  const operation = findOperation(String(operationId));
  if (!operation)
    throw new EmulatorError(
      `unknown operation ${String(operationId).slice(0, 100)}; one of ${operations.map((op) => op.id).join(", ")}`,
      "operation",
    );
  if (typeof options !== "object" || options === null)
    throw new EmulatorError("options must be an object", "options");
  const times = options.times === undefined ? 1 : requireCount(options.times, "times", 1);
  const delay = options.delay === undefined ? 0 : requireCount(options.delay, "delay", 0);
  const after = options.after === undefined ? 0 : requireCount(options.after, "after", 0);
  // A longer wait than a timer can hold would fire at once (Node clamps it to 1 ms).
  if (delay > MAX_DELAY_MS)
    throw new EmulatorError(`delay must be at most ${MAX_DELAY_MS} ms`, "delay");
  const reset = options.reset === undefined ? false : options.reset;
  if (typeof reset !== "boolean") throw new EmulatorError("reset must be a boolean", "reset");
  const status = options.status;
  checkFaultAnswer(operation, status, options.body);
  if (status === undefined && !reset && delay === 0)
    throw new EmulatorError("give a status, reset: true or a delay", "options");
  faults.add(operation.id, { status, body: options.body, reset, delay, left: times, after });
}
