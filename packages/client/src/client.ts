import type { paths } from "@greenspec/types";
import createClient, { defaultPathSerializer } from "openapi-fetch";
import { type BulkMethods, bulkMethods } from "./bulk.js";
import { GreenApiError, type GreenApiErrorDetails, kindOfStatus } from "./errors.js";
import {
  defaultApiUrl,
  errorEnvelope,
  type OperationId,
  operations,
  serviceErrors,
} from "./generated/operations.js";
import type { OperationInfo } from "./operation.js";
import { checkCallOptions, checkOptions } from "./options.js";
import { Pacer } from "./pacing.js";
import { plainCopy } from "./plain.js";
import { redactDeep, redactError, redactor } from "./redact.js";
import {
  backoff,
  isRetryable,
  mayHaveRun,
  parseRetryAfter,
  type RetryOptions,
  retryDefaults,
  sleep,
} from "./retry.js";
import type { CallOptions, GreenApi, GreenApiOptions } from "./types.js";
import type { Violation } from "./validation.js";

type Details = GreenApiErrorDetails & {
  status?: number;
  description?: string;
  attempts?: number;
  outcomeUnknown?: boolean;
};
type Outcome = { value: unknown } | GreenApiError;

/**
 * openapi-fetch builds one Request per call, and Node's Request is slow to construct: it gets
 * this stand-in, which keeps the init as it is, and the fetch below passes that init on.
 */
function LightRequest(this: unknown, url: string, init: RequestInit & { url?: string }) {
  init.url = url;
  return init;
}

/** Error codes (Node's) of a connection that was never made. */
const CONNECT_FAILED =
  /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_CONNECT_TIMEOUT)$/;

/** An answer longer than the client reads: its body is cancelled, not read. */
class TooLarge extends Error {
  constructor(readonly status: number) {
    super("answer too large");
  }
}

/**
 * The answer, read only as far as `max` bytes: a declared length over it fails at once, and a
 * body without one is counted as it streams in and cancelled the moment it goes over.
 */
async function capped(response: Response, max: number): Promise<Response> {
  const { status, body } = response;
  const declared = Number(response.headers.get("Content-Length") ?? Number.NaN);
  if (declared <= max || !body) return response;
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  // A declared length over the cap starts over it: nothing is read.
  for (let size = declared > max ? declared : 0; size <= max; ) {
    const { done, value } = await reader.read();
    if (done)
      return new Response(chunks.length ? new Blob(chunks as BlobPart[]) : null, {
        status,
        statusText: response.statusText,
        headers: response.headers,
      });
    size += value.byteLength;
    chunks.push(value);
  }
  reader.cancel().catch(() => {});
  throw new TooLarge(status);
}

/** Creates a client with one method per operation of the spec. */
export function createGreenApi(given: GreenApiOptions): GreenApi & BulkMethods {
  const options = given && typeof given === "object" ? given : ({} as GreenApiOptions);
  const { idInstance, apiTokenInstance, onRetry } = options;
  // Checked once, reported by every call: a bad option fails before any request.
  const optionsFault = checkOptions(options);
  const redact = redactor(apiTokenInstance);
  const baseUrl = options.apiUrl ?? defaultApiUrl;
  const pathParams = { idInstance, apiTokenInstance };
  const retryBase = options.retry !== false && { ...retryDefaults, ...options.retry };
  const maxBytes = options.maxResponseBytes ?? 4 * 1024 * 1024;
  const pacer = options.pacing === true ? new Pacer() : options.pacing || undefined;
  // The path parameters never change for a client: each operation's URL is built once.
  const urls: Record<string, string> = {};
  const http = createClient<paths>({
    baseUrl,
    Request: LightRequest as unknown as typeof Request,
    pathSerializer: (path, params) => (urls[path] ??= defaultPathSerializer(path, params)),
    fetch: async (request) =>
      capped(
        await (options.fetch ?? fetch)(
          (request as unknown as { url: string }).url,
          request as RequestInit,
        ),
        maxBytes,
      ),
  });

  // Masked whole, then cut: a token that straddles the cut must not survive in part.
  const excerpt = (text: string) => redact(text).slice(0, 200);

  const fail = (
    id: OperationId,
    message: string,
    details: Details,
    cause?: Error,
  ): GreenApiError => {
    if (details.kind !== "validation" && details.kind !== "aborted") {
      details.url = redact(defaultPathSerializer(baseUrl + operations[id].path, pathParams));
    }
    details.outcomeUnknown ??= mayHaveRun(details);
    // Said in words too: a caller who only logs the message must know not to just try again.
    const note = !details.outcomeUnknown
      ? ""
      : operations[id].idempotent
        ? "; the outcome is unknown"
        : `; the outcome is unknown and ${id} is not safe to repeat: check whether it took effect (read or list what it changes) before calling it again`;
    // The one door into an error: every string of it (bodies included) is masked here.
    return new GreenApiError(
      redact(`${id}: ${message}${note}`),
      // The kind is the client's own word: never masked, even if the token shares 8 letters.
      {
        operation: id,
        attempts: 1,
        ...(redactDeep(details, redact) as Details),
        kind: details.kind,
      } as Details & { operation: OperationId; attempts: number },
      cause && redactError(cause, redact),
    );
  };

  /** Turns an answer into the 200 body or a GreenApiError. */
  function interpret(id: OperationId, response: Response, body: unknown): Outcome {
    const { status } = response;
    const text = typeof body === "string" ? body : body === undefined ? "" : JSON.stringify(body);
    if (status < 400 && !response.ok)
      return fail(
        id,
        `HTTP ${status}: a redirect, not followed (Green API never redirects: check apiUrl)`,
        {
          kind: "unexpected-response",
          status,
          description: "",
          outcomeUnknown: false,
        } as Details,
      );
    if (!response.ok) return answerError(id, status, text, response.headers);
    if (!text)
      return fail(id, `HTTP ${status} with an empty body: the service said nothing`, {
        kind: "unexpected-response",
        status,
        description: "",
      } as Details);
    let why = "is not JSON";
    try {
      const value: unknown = JSON.parse(text);
      // Green API answers some errors as a 200 carrying the error envelope: its code decides.
      const code = (value as Record<string, unknown>)?.[errorEnvelope.status];
      if (!errorEnvelope.shape(value) && typeof code === "number" && code > 399)
        return answerError(id, code, text, response.headers, ` (in an HTTP ${status} answer)`);
      const failed = (operations[id] as OperationInfo).response?.(value);
      if (!failed) return { value };
      why = `does not match the spec: ${failed.field} ${failed.rule}`;
    } catch {}
    return fail(id, `unexpected response: HTTP ${status} body ${why}`, {
      kind: "unexpected-response",
      status,
      description: excerpt(text),
    } as Details);
  }

  /** The GreenApiError an error answer means: its status, then the identifier in its body. */
  function answerError(
    id: OperationId,
    status: number,
    text: string,
    headers: Headers,
    note = "",
  ): GreenApiError {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {}
    const given = (body as { description?: unknown } | null)?.description;
    const description = excerpt(
      typeof given === "string" ? given : text.replace(/(?:<[^>]*>|\s)+/g, " ").trim(),
    );
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

  /** Sends one request; never throws. */
  async function attempt(
    id: OperationId,
    body: unknown,
    timeout: number,
    call: CallOptions,
  ): Promise<Outcome> {
    const { signal } = call;
    const controller = new AbortController();
    const abort = () => controller.abort();
    const timer = setTimeout(abort, timeout);
    signal?.addEventListener("abort", abort);
    try {
      const info: OperationInfo = operations[id];
      const { response, data, error } = await http.request(
        (info.method ?? "POST") as never,
        info.path as never,
        {
          params: { path: pathParams },
          body,
          headers: call.headers,
          signal: controller.signal,
          // Green API never redirects; a followed redirect could carry the request elsewhere.
          redirect: "manual",
          parseAs: "text",
        } as never,
      );
      return interpret(id, response as Response, data ?? error);
    } catch (thrown) {
      if (signal?.aborted) return fail(id, "aborted", { kind: "aborted" });
      if (thrown instanceof TooLarge)
        return fail(id, `unexpected response: HTTP ${thrown.status} body over ${maxBytes} bytes`, {
          kind: "unexpected-response",
          status: thrown.status,
          description: "",
        } as Details);
      if (controller.signal.aborted)
        return fail(id, `no answer within ${timeout} ms`, { kind: "timeout", timeout } as Details);
      const cause = redactError(thrown, redact);
      const detail = cause.cause ? ` (${(cause.cause as Error).message})` : "";
      // Refused or unresolved: no connection was made, so nothing reached the service.
      let connectFailed = false;
      for (let at: unknown = cause, depth = 0; at && depth < 5; depth++) {
        connectFailed ||= CONNECT_FAILED.test(String((at as { code?: unknown }).code));
        at = (at as Error).cause;
      }
      return fail(
        id,
        `network error: ${cause.message}${detail}`,
        { kind: "network", connectFailed } as Details,
        cause,
      );
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", abort);
    }
  }

  /** Checks the request against the spec (throwing before anything is sent); the wire body. */
  function prepare(id: OperationId, input: unknown): unknown {
    const info: OperationInfo = operations[id];
    let failed = info.params(pathParams);
    // What is checked is exactly what is sent: a plain copy, read once.
    let copy: unknown;
    if (!failed)
      try {
        copy = plainCopy(input);
      } catch (thrown) {
        failed = thrown as Violation;
      }
    failed ??= copy === undefined && info.bodyOptional ? undefined : info.body?.(copy);
    const fields = copy as Record<string, unknown>;
    const files = info.binary;
    let body = copy;
    if (files && !failed) {
      body = new FormData();
      for (const [name, value] of Object.entries(fields)) {
        const type = files[name];
        if (!type) (body as FormData).append(name, String(value));
        else if (value instanceof Blob || value instanceof Uint8Array) {
          const named = (value as { name?: string }).name;
          const blob =
            value instanceof Blob && value.type ? value : new Blob([value as BlobPart], { type });
          (body as FormData).append(
            name,
            blob,
            named || `${name}.${type === "image/jpeg" ? "jpg" : type.split("/")[1]}`,
          );
          // The spec's schema takes any file part: here it must be bytes.
        } else failed = { field: name, rule: "must be a Blob or a Uint8Array" };
      }
    }
    if (failed)
      throw fail(id, `${failed.field} ${failed.rule}`, {
        kind: "validation",
        ...failed,
        attempts: 0,
      });
    // By default a phone goes as `<phone>@c.us`: the form the hosted service documents today.
    const [phone, chatId] = (options.phoneMode !== "participantPhone" && info.phoneAlias) || [];
    if (phone && chatId && fields[phone] !== undefined) {
      const { [phone]: number, ...rest } = fields;
      body = { ...rest, [chatId]: `${number}@c.us` };
    }
    return body;
  }

  async function call(id: OperationId, input: unknown, call: CallOptions = {}): Promise<unknown> {
    const wrong = optionsFault ?? checkCallOptions(call);
    if (wrong)
      throw fail(id, `${wrong.field} ${wrong.rule}`, { kind: "validation", ...wrong, attempts: 0 });
    const body = prepare(id, input);
    const { signal } = call;
    const retry: Required<RetryOptions> | false =
      call.retry === false
        ? false
        : call.retry
          ? { ...(retryBase || retryDefaults), ...call.retry }
          : retryBase;
    const timeout = call.timeout ?? options.timeout ?? 30_000;
    const started = Date.now();
    let last: GreenApiError | undefined;
    for (let attempts = 1; ; attempts++) {
      if (pacer && !signal?.aborted) await pacer.wait(id, signal);
      // Stopped between attempts: none in flight, and a failure retried was not carried out.
      if (signal?.aborted)
        throw fail(id, "aborted", {
          kind: "aborted",
          attempts: attempts - 1,
          outcomeUnknown: false,
        } as Details);
      const left = retry ? retry.deadline + started - Date.now() : timeout;
      const outcome = await attempt(id, body, Math.max(1, Math.min(timeout, left)), call);
      if ("value" in outcome) return outcome.value;
      // A last attempt cut short by the deadline says less than the failure before it.
      // It still counts: the request may have reached the service.
      if (last && left < timeout && outcome.kind === "timeout") {
        last.attempts = attempts;
        throw last;
      }
      outcome.attempts = attempts;
      last = outcome;
      if (!retry || attempts >= retry.attempts || !isRetryable(outcome, operations[id].idempotent))
        throw outcome;
      const delay =
        (outcome.kind === "rate-limited" ? outcome.retryAfter : undefined) ??
        backoff(attempts, retry);
      if (Date.now() - started + delay >= retry.deadline) throw outcome;
      const event = { operation: id, attempt: attempts, delay, error: outcome };
      // A logging hook that throws must not cost the call its retry.
      try {
        onRetry?.(event);
        call.onRetry?.(event);
      } catch {}
      await sleep(delay, signal);
    }
  }

  const api = {} as Record<OperationId, unknown>;
  for (const id in operations)
    api[id as OperationId] = (body: unknown, o?: CallOptions) => call(id as OperationId, body, o);
  const methods = api as GreenApi;
  // The bulk sender always paces: through this client when it paces, else through a paced twin.
  return Object.assign(
    methods,
    bulkMethods(
      pacer ? methods : () => createGreenApi({ ...options, pacing: true }),
      redact,
      optionsFault,
    ),
  );
}
