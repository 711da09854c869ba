// The tolerant reader: a 200 is returned as it came when the fields its outcome rests on are
// sound; whatever else in it differs from the spec is told to `onDrift` listeners, never thrown.
import { type OperationId, operations } from "./generated/operations.js";
import type { OperationInfo } from "./operation.js";
import type { Validator, Violation } from "./validation.js";

/** What `onDrift` is told: the operation, and each field of its answer that left the spec. */
export interface DriftReport {
  operation: OperationId;
  violations: Violation[];
}

export type OnDrift = (report: DriftReport) => void;

/** What validation.ts's `obj` keeps on its check: its fields, the `required` first ones required. */
type ObjectCheck = Validator & { props?: Record<string, Validator>; required?: number };

/**
 * The faults of a body, field by field, each by its own part of the shape check: the first
 * `count` fields only, or all. A body that is no object (or a shape of alternatives) is checked
 * whole.
 */
function faults(id: OperationId, body: unknown, count?: number): (Violation | undefined)[] {
  const check = operations[id].response as ObjectCheck | undefined;
  const props = check?.props;
  if (!props || !body || typeof body !== "object") return [check?.(body)];
  return Object.keys(props)
    .slice(0, count)
    .map((name, i) => {
      const given = (body as Record<string, unknown>)[name];
      return given === undefined
        ? i < (check.required ?? 0)
          ? { field: name, rule: "is required" }
          : undefined
        : props[name]?.(given, name);
    });
}

/** Why a 200 body does not carry its outcome (its outcome fields present and well-typed), or undefined. */
export const outcomeFault = (id: OperationId, value: unknown): Violation | undefined =>
  faults(id, value, (operations[id] as OperationInfo).outcome).find(Boolean);

/**
 * Tells each listener every top-level field of a returned answer that left the spec (masked).
 * The full check runs only here, when someone listens; a listener that throws is ignored,
 * because the call itself was carried out.
 */
export function reportDrift(
  id: OperationId,
  value: unknown,
  mask: (text: string) => string,
  listeners: (OnDrift | undefined)[],
): void {
  const violations = faults(id, value).flatMap((v) =>
    v ? [{ field: mask(v.field), rule: v.rule }] : [],
  );
  if (violations.length)
    for (const listener of listeners)
      try {
        listener?.({ operation: id, violations });
      } catch {}
}
