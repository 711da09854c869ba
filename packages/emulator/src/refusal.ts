// The service's answer to a request its validation refuses, as recorded from the live service
// (spec/recordings/green-api.json): `{statusCode, timestamp, path, message}`, where `path` echoes
// the request path, token included. The journal masks that token like every other.
import {
  type Json,
  type Operation,
  type OperationId,
  type OperationOf,
  type SpecAnswer,
  specAnswer,
} from "./spec.js";

/** The spec's example of the recorded envelope (in the shared 400 answer). */
const RECORDED = "validationFailedRecorded" as const;

/** Refusals still waiting for the path and time of their call. */
const unfinished = new WeakSet<object>();

/** The recorded 400 for a request the spec refuses; `detail` says where, never with a value. */
export function refusal(operation: OperationOf<OperationId>, detail: string): SpecAnswer {
  const found = specAnswer(operation, RECORDED);
  const body = found.body as Record<string, Json>;
  const message = typeof body.message === "string" ? body.message : "";
  const at = message.indexOf("Details:");
  body.message = at >= 0 ? `${message.slice(0, at)}Details: ${detail}` : message;
  unfinished.add(body);
  return found;
}

/** A refusal with its call's path (as the service echoes it) and time; any other answer as is. */
export function echoed(
  answer: SpecAnswer,
  operation: Operation | null,
  params: Record<string, string>,
  now: number,
): SpecAnswer {
  const body = answer.body as Record<string, Json>;
  if (!operation || !unfinished.has(body)) return answer;
  unfinished.delete(body);
  body.timestamp = new Date(now).toISOString();
  body.path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => params[name] ?? "");
  return answer;
}
