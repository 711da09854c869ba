// What a client call fails with: a GreenApiError, checked before a test reads its fields.
import { rejectionOf } from "@greenspec/test-helpers";
import { GreenApiError } from "../src/index.js";

/** The GreenApiError `promise` rejects with; fails the test when it resolves or throws another. */
export function failureOf(promise: Promise<unknown>): Promise<GreenApiError> {
  return rejectionOf(promise, GreenApiError);
}
