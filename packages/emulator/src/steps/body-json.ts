// Reading a JSON body: in the operation's media type, within the size and depth limits, parsed
// (malformed JSON gets the documented text with the real character and position) and checked.

import type { IncomingCall } from "../call.js";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "../json-depth.js";
import { MAX_JSON_BODY_BYTES } from "../limits.js";
import { refusal } from "../refusal.js";
import { type OperationId, type OperationOf, type SpecAnswer, specAnswer } from "../spec.js";
import { checkBody } from "../validate.js";
import type { BodyRead } from "./state.js";

/** The documented text for a body that is not JSON, with the real character and position. */
export function malformedAnswer(
  operation: OperationOf<OperationId>,
  text: string,
  error: unknown,
): SpecAnswer {
  const found = specAnswer(operation, "malformedJson");
  const message = error instanceof Error ? error.message : "";
  const stated = /position (\d+)/.exec(message)?.[1];
  const quoted = /token '(.)'/.exec(message)?.[1];
  const position =
    stated !== undefined
      ? Number(stated)
      : quoted !== undefined && text.includes(quoted)
        ? text.indexOf(quoted)
        : text.trim() === ""
          ? 0
          : text.length;
  const token = text[position] ?? "end";
  const body = found.body as { description?: string };
  if (typeof body.description === "string") {
    body.description = body.description.replace(
      /token \S+ in JSON at position \d+/,
      `token ${token} in JSON at position ${position}`,
    );
  }
  return found;
}

export async function readJson(
  operation: OperationOf<OperationId>,
  mediaType: string,
  call: IncomingCall,
): Promise<BodyRead> {
  // As Prism does: a body in a media type the operation does not list is refused unread.
  const given = (call.contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (given && given !== mediaType)
    return { answer: refusal(operation, `content type must be ${mediaType}`), request: null };
  let text: string;
  try {
    text = await call.text();
  } catch {
    return { answer: refusal(operation, "body could not be read or is too large"), request: null };
  }
  if (text.length > MAX_JSON_BODY_BYTES)
    return { answer: refusal(operation, "body is too large"), request: null };
  if (nestsDeeperThan(text))
    return {
      answer: refusal(operation, `body nests deeper than ${MAX_JSON_DEPTH} levels`),
      request: text.slice(0, 1000),
    };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return { answer: malformedAnswer(operation, text, error), request: text.slice(0, 1000) };
  }
  const verdict = checkBody(operation, body);
  if (!verdict.valid) return { answer: refusal(operation, verdict.detail), request: body };
  return { body, request: body };
}
