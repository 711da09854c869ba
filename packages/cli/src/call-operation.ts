// Calls one operation through the client and prints the answer; `false` outcomes exit 1.
import type { SpecCommand } from "./commands.js";
import { EXIT_OK, EXIT_REFUSED } from "./exit-codes.js";
import { formatAnswer } from "./output.js";
import type { Session } from "./session.js";

type Method = (body: unknown, options?: Record<string, unknown>) => Promise<unknown>;

/** The fields of an answer that hold `false`, among those the spec marks as the outcome. */
export function refusedFields(answer: unknown, outcomeFields: readonly string[]): string[] {
  if (answer === null || typeof answer !== "object") return [];
  const record = answer as Record<string, unknown>;
  return outcomeFields.filter((name) => record[name] === false);
}

export async function callOperation(
  session: Session,
  spec: SpecCommand,
  body: Record<string, unknown> | undefined,
): Promise<number> {
  // The client has one method per operation of the spec (a test pins the two lists).
  const method = (session.api as unknown as Record<string, Method | undefined>)[spec.operation.id];
  if (typeof method !== "function")
    throw new Error(`the client has no method ${spec.operation.id}`);
  const answer = await method.call(session.api, body, session.callOptions);
  const refused = refusedFields(answer, spec.outcomeFields);
  const { io, options } = session;
  if (options.json) io.json(answer);
  else io.out(`${formatAnswer(io.mask(answer))}\n`);
  if (refused.length === 0) return EXIT_OK;
  if (!options.json)
    io.err(`The service said no (${refused.map((f) => `${f}: false`).join(", ")}).\n`);
  return EXIT_REFUSED;
}
