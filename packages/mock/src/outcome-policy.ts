// The proxy judges an answer as the client reads it: a success answer that carries its outcome
// (`x-greenspec-outcome`, read through the spec model) with a field it does not rest on out of
// the spec is a drift; a missing or broken outcome, or an undocumented status, is a violation.
import { model } from "@greenspec/spec/model";

/** The top-level body field a diagnostic points at (`["body", "subjectTime", ...]`), if any. */
function fieldOf(path: readonly string[]): string | undefined {
  return path[0] === "body" ? path[1] : path[0];
}

/**
 * Whether a success answer's body carries its operation's outcome: every field of one of its
 * alternatives present, and no diagnostic of the answer inside one of them.
 */
export function carriesOutcome(
  operationId: string | null,
  status: number,
  body: unknown,
  diagnostics: readonly (readonly string[])[],
): boolean {
  const operation = model.operations.find((candidate) => candidate.id === operationId);
  if (!operation?.outcome || operation.success.status !== status) return false;
  if (!body || typeof body !== "object" || Array.isArray(body)) return false;
  const broken = new Set(diagnostics.map(fieldOf));
  return operation.outcome.some((fields) =>
    fields.every(
      (field) => (body as Record<string, unknown>)[field] !== undefined && !broken.has(field),
    ),
  );
}
