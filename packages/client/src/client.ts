import { redactDeep, redactor } from "@greenspec/redact";
import { type Details, EXCERPT_WINDOW, type Fail } from "./answer.js";
import { attempter, operationUrls } from "./attempt.js";
import { reportDrift } from "./drift.js";
import { encode } from "./encode.js";
import { GreenApiError } from "./errors.js";
import { defaultApiUrl, type OperationId, operations } from "./generated/operations.js";
import { checkCallOptions, checkOptions } from "./options.js";
import { Pacer } from "./pacing.js";
import { redactError } from "./redact.js";
import { mayHaveRun, type RetryOptions, retryDefaults, withRetries } from "./retry.js";
import type { CallOptions, GreenApiOptions, OperationMethods } from "./types.js";
import type { Violation } from "./validation.js";

/** The client: one method per operation of the spec (`@greenspec/client/bulk` adds the bulk add). */
export type GreenApi = OperationMethods;

/**
 * Creates a client with one method per operation of the spec. It only wires the parts: the
 * options check, encoding (encode.ts), one attempt (attempt.ts, reading the answer with
 * answer.ts) and the retry loop (retry.ts), with every error built through one masking door.
 */
export function createGreenApi(given: GreenApiOptions): GreenApi {
  const options = given && typeof given === "object" ? given : ({} as GreenApiOptions);
  const { idInstance, apiTokenInstance, onRetry } = options;
  // Checked once, reported by every call: a bad option fails before any request.
  const optionsFault = checkOptions(options);
  const redact = redactor(apiTokenInstance);
  const credentials = { idInstance, apiTokenInstance };
  const retryBase = options.retry !== false && { ...retryDefaults, ...options.retry };
  const pacer = options.pacing === true ? new Pacer() : options.pacing || undefined;

  const urls = operationUrls(options.apiUrl ?? defaultApiUrl, credentials);
  const fail = errorDoor(urls, redact);

  const send = attempter({
    urls,
    fetch: options.fetch,
    maxResponseBytes: options.maxResponseBytes ?? 4 * 1024 * 1024,
    fail,
    // Masked, then cut: a token that straddles the cut must not survive in part. Only a window
    // is masked, so a 4 MiB body costs no more than a short one; what pokes past it is never shown.
    excerpt: (text) => redact(text.slice(0, EXCERPT_WINDOW)).slice(0, 200),
  });

  async function call(id: OperationId, input: unknown, call: CallOptions = {}): Promise<unknown> {
    let body: unknown;
    try {
      const wrong = optionsFault ?? checkCallOptions(call);
      if (wrong) throw wrong;
      body = encode(id, input, credentials, options.phoneMode);
    } catch (thrown) {
      const { field = "body", rule = "could not be read" } = (thrown ?? {}) as Violation;
      throw fail(id, `${field} ${rule}`, { kind: "validation", field, rule, attempts: 0 });
    }
    const retry: Required<RetryOptions> | false =
      call.retry === false
        ? false
        : call.retry
          ? { ...(retryBase || retryDefaults), ...call.retry }
          : retryBase;
    const { signal } = call;
    const value = await withRetries((timeout) => send(id, body, timeout, call), {
      idempotent: operations[id].idempotent,
      retry,
      timeout: call.timeout ?? options.timeout ?? 30_000,
      signal,
      pace: pacer && (() => pacer.wait(id, signal)),
      onRetry: (event) => {
        const told = { operation: id, ...event };
        onRetry?.(told);
        call.onRetry?.(told);
      },
      // Stopped between attempts: none in flight, and a failure retried was not carried out.
      aborted: (attempts) =>
        fail(id, "aborted", { kind: "aborted", attempts, outcomeUnknown: false } as Details),
    });
    if (options.onDrift || call.onDrift)
      reportDrift(id, value, redact, [options.onDrift, call.onDrift]);
    return value;
  }

  const api = {} as Record<OperationId, unknown>;
  for (const id in operations)
    api[id as OperationId] = (body: unknown, o?: CallOptions) => call(id as OperationId, body, o);
  return api as OperationMethods;
}

/** The one door into an error: every string of it (bodies included) is masked here. */
function errorDoor(urls: Record<OperationId, string>, redact: (text: string) => string): Fail {
  return (id, message, details, cause) => {
    if (details.kind !== "validation" && details.kind !== "aborted") details.url = urls[id];
    details.outcomeUnknown ??= mayHaveRun(details);
    // Said in words too: a caller who only logs the message must know not to just try again.
    const note = !details.outcomeUnknown
      ? ""
      : operations[id].idempotent
        ? "; the outcome is unknown"
        : `; the outcome is unknown and ${id} is not safe to repeat: check whether it took effect (read or list what it changes) before calling it again`;
    return new GreenApiError(
      redact(`${id}: ${message}${note}`),
      // The kind is the client's own word: never masked, even if the token shares 8 letters.
      {
        operation: id,
        attempts: 1,
        ...(redactDeep(details, redact) as Details),
        kind: details.kind,
      } as Details & { operation: OperationId; attempts: number },
      cause === undefined ? undefined : redactError(cause, redact),
    );
  };
}
