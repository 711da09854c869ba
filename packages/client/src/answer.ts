import { outcomeFault } from "./drift.js";
import { type GreenApiError, type GreenApiErrorDetails, kindOfStatus } from "./errors.js";
import { errorEnvelope, type OperationId, serviceErrors } from "./generated/operations.js";

/** Details of an error before the client adds what it knows (URL, attempts). */
export type Details = GreenApiErrorDetails & {
  status?: number;
  description?: string;
  attempts?: number;
  outcomeUnknown?: boolean;
};

/** The one door into a GreenApiError: it masks every string and adds the URL. */
export type Fail = (
  id: OperationId,
  message: string,
  details: Details,
  cause?: unknown,
) => GreenApiError;

/** A call's result: the 200 body, or the error that ends (or repeats) it. */
export type Outcome = { value: unknown } | GreenApiError;

/**
 * Reads an answer: the 200 body when it is one, else the GreenApiError it means. `excerpt`
 * masks, then cuts, a body for the error's description.
 */
export function readAnswer(
  id: OperationId,
  response: Response,
  text: string,
  fail: Fail,
  excerpt: (text: string) => string,
): Outcome {
  const { status, headers } = response;
  const unexpected = (why: string, outcomeUnknown?: false) =>
    fail(id, `HTTP ${status} ${why}`, {
      kind: "unexpected-response",
      status,
      description: excerpt(text),
      outcomeUnknown,
    } as Details);
  if (status < 400 && !response.ok)
    return unexpected(
      "is a redirect, not followed (Green API never redirects: check apiUrl)",
      false,
    );
  if (!response.ok) return errorOf(id, status, text, headers, fail, excerpt);
  if (!text) return unexpected("with an empty body: the service said nothing");
  let why = "body is not JSON";
  try {
    const value: unknown = JSON.parse(text);
    // Green API answers some errors as a 200 carrying the error envelope: its code decides.
    const code = (value as Record<string, unknown>)?.[errorEnvelope.status];
    if (typeof code === "number" && code > 399 && !errorEnvelope.shape(value))
      return errorOf(id, code, text, headers, fail, excerpt, ` (in an HTTP ${status} answer)`);
    // Only the fields the outcome rests on decide; the others may drift (drift.ts tells).
    const failed = outcomeFault(id, value);
    if (!failed) return { value };
    why = `body does not match the spec: ${failed.field} ${failed.rule}`;
  } catch {}
  return unexpected(why);
}

/** The GreenApiError an error answer means: its status, then the identifier in its body. */
function errorOf(
  id: OperationId,
  status: number,
  text: string,
  headers: Headers,
  fail: Fail,
  excerpt: (text: string) => string,
  note = "",
): GreenApiError {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {}
  // The service's own text: `description` ({code, description}) or `message` (its validation's).
  const given =
    (body as { description?: unknown } | null)?.description ??
    (body as { message?: unknown } | null)?.message;
  const description = excerpt(typeof given === "string" ? given : plainText(text));
  let kind = kindOfStatus(status);
  if (kind === "bad-request") {
    const lower = text.toLowerCase();
    for (const [identifier, mapped] of Object.entries(serviceErrors))
      if (lower.includes(identifier)) kind = mapped;
  }
  const details = { kind, status, description } as Details;
  if (details.kind === "rate-limited")
    details.retryAfter = parseRetryAfter(headers.get("Retry-After"));
  if (details.kind === "quota-exceeded" && body && typeof body === "object")
    details.quota = body as never;
  return fail(id, `HTTP ${status} ${description}${note}`, details);
}

/**
 * How much of a body an excerpt is made from: cut before it is cleaned or masked, so the work
 * per answer is bounded whatever the service sends (cleaning a 320,000-character body of `<`
 * whole took 108 s, and no timeout can fire during it).
 */
export const EXCERPT_WINDOW = 4096;

/** The start of an HTML or text body as one line: tags and runs of space become one space. */
function plainText(text: string): string {
  // `[^<>]` stops a tag at the next `<`, so a body of `<` alone is read once, not once per `<`.
  return text
    .slice(0, EXCERPT_WINDOW)
    .replace(/<[^<>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A Retry-After header (delay in seconds or an HTTP date) in ms, or undefined. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = /^\s*\d+(\.\d+)?\s*$/.test(header) ? Number(header) * 1000 : undefined;
  const date = Date.parse(header);
  return seconds ?? (date ? Math.max(0, date - now) : undefined);
}
