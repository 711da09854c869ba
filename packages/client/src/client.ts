import type { paths } from "@greenspec/types";
import createClient, { defaultPathSerializer } from "openapi-fetch";
import { GreenApiError, type GreenApiErrorDetails, kindOfStatus } from "./errors.js";
import { defaultApiUrl, type OperationId, operations, serviceErrors } from "./generated/operations.js";
import type { OperationInfo } from "./operation.js";
import { Pacer } from "./pacing.js";
import { redactError, redactor } from "./redact.js";
import { backoff, isRetryable, parseRetryAfter, type RetryOptions, retryDefaults, sleep } from "./retry.js";
import type { CallOptions, GreenApi, GreenApiOptions } from "./types.js";
import { describe } from "./validation.js";

const DEFAULT_TIMEOUT = 30_000;
const EXCERPT = 200;

/**
 * openapi-fetch builds one Request per call; Node's Request is slow to construct, so it gets
 * this plain holder and the fetch below hands its fields on as the init of a plain fetch.
 */
class LightRequest {
  url: string;
  method?: string;
  headers?: HeadersInit;
  body?: BodyInit | null;
  signal?: AbortSignal | null;
  redirect?: RequestRedirect;
  constructor(url: string, init: RequestInit) {
    this.url = url;
    this.method = init.method;
    this.headers = init.headers;
    this.body = init.body;
    this.signal = init.signal;
    this.redirect = init.redirect;
  }
}

type Outcome = { ok: true; value: unknown } | GreenApiError;

/** Creates a client with one method per operation of the spec. */
export function createGreenApi(options: GreenApiOptions): GreenApi {
  const { idInstance, apiTokenInstance, phoneMode, onRetry } = options;
  const redact = redactor(apiTokenInstance);
  const baseUrl = options.apiUrl ?? defaultApiUrl;
  const pathParams = { idInstance, apiTokenInstance };
  const retryBase = options.retry === false ? false : { ...retryDefaults, ...options.retry };
  const pacer = options.pacing === true ? new Pacer() : options.pacing || undefined;
  const http = createClient<paths>({
    baseUrl,
    Request: LightRequest as unknown as typeof Request,
    fetch: (request) => (options.fetch ?? fetch)(request.url, request as RequestInit),
  });

  const fail = (
    operation: OperationId,
    attempts: number,
    message: string,
    details: GreenApiErrorDetails,
    cause?: Error,
  ): GreenApiError => {
    if ("description" in details) details.description = redact(details.description);
    return new GreenApiError(redact(`${operation}: ${message}`), { ...details, operation, attempts }, cause);
  };

  /** Sends one request and turns any outcome into a value or a GreenApiError. */
  async function attempt(
    id: OperationId,
    info: OperationInfo,
    body: unknown,
    url: string,
    timeout: number,
    call: CallOptions,
  ): Promise<Outcome> {
    const { signal } = call;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    const cancel = () => controller.abort();
    signal?.addEventListener("abort", cancel);
    try {
      const { response, data, error } = await http.POST(info.path as never, {
        params: { path: pathParams },
        body,
        headers: call.headers,
        signal: controller.signal,
        parseAs: "text",
      } as never);
      return interpret(id, info, response as Response, (data ?? error) as unknown, url);
    } catch (thrown) {
      if (timedOut) return fail(id, 1, `no answer within ${timeout} ms`, { kind: "timeout", url, timeout });
      if (signal?.aborted) return fail(id, 1, "aborted", { kind: "aborted" });
      const cause = redactError(thrown, redact);
      const reason = cause.cause instanceof Error ? ` (${cause.cause.message})` : "";
      return fail(id, 1, `network error: ${cause.message}${reason}`, { kind: "network", url }, cause);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", cancel);
    }
  }

  function interpret(id: OperationId, info: OperationInfo, response: Response, body: unknown, url: string): Outcome {
    const { status } = response;
    const text = typeof body === "string" ? body : body === undefined ? "" : JSON.stringify(body);
    if (response.ok) {
      const unexpected = (why: string) =>
        fail(id, 1, `unexpected response: HTTP ${status} ${why}`, {
          kind: "unexpected-response",
          status,
          description: text.slice(0, EXCERPT),
          url,
        });
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return unexpected(text ? "body is not JSON" : "body is empty");
      }
      const check = info.response;
      if (check && !check(value)) {
        const { field, rule } = describe(check.errors ?? [], value, "body");
        return unexpected(`body does not match the spec: ${field} ${rule}`);
      }
      return { ok: true, value };
    }
    const described = (body as { description?: unknown } | undefined)?.description;
    const description =
      typeof described === "string"
        ? described
        : text
            .replace(/<[^>]*>/g, " ")
            .replace(/\s+/g, " ")
            .trim()
            .slice(0, EXCERPT);
    let kind = kindOfStatus(status);
    if (kind === "bad-request") {
      const lower = text.toLowerCase();
      for (const [identifier, mapped] of Object.entries(serviceErrors)) if (lower.includes(identifier)) kind = mapped;
    }
    const details = { kind, status, description, url } as GreenApiErrorDetails;
    if (details.kind === "rate-limited") {
      const retryAfter = parseRetryAfter(response.headers.get("Retry-After"));
      if (retryAfter !== undefined) details.retryAfter = retryAfter;
    }
    if (details.kind === "quota-exceeded" && typeof body === "object" && body) details.quota = body as never;
    return fail(id, 1, `HTTP ${status}${description ? ` ${description}` : ""}`, details);
  }

  async function call(id: OperationId, input: unknown, call: CallOptions = {}): Promise<unknown> {
    const info: OperationInfo = operations[id];
    const { signal } = call;
    let invalid = !info.params(pathParams) && describe(info.params.errors ?? [], pathParams, "path");
    let body = input;
    if (!invalid && info.body && !info.body(input)) {
      invalid = describe(info.body.errors ?? [], input, "body", info.alternatives);
    }
    const files = info.binary;
    if (!invalid && files) {
      const form = new FormData();
      for (const [name, value] of Object.entries(input as Record<string, unknown>)) {
        const type = files[name];
        if (type === undefined) form.append(name, String(value));
        else if (value instanceof Blob || value instanceof Uint8Array) {
          const blob = value instanceof Blob && value.type ? value : new Blob([value as BlobPart], { type });
          const fileName = (value as { name?: string }).name || `${name}.${type === "image/jpeg" ? "jpg" : type.split("/")[1]}`;
          form.append(name, blob, fileName);
        } else invalid = { field: name, rule: "must be a Blob or a Uint8Array" };
      }
      body = form;
    }
    if (invalid) throw fail(id, 0, `${invalid.field} ${invalid.rule}`, { kind: "validation", ...invalid });

    const alias = phoneMode === "chatId" && info.phoneAlias;
    const phone = alias && (input as Record<string, unknown>)[alias[0]];
    if (alias && phone !== undefined) {
      const { [alias[0]]: _phone, ...rest } = input as Record<string, unknown>;
      body = { ...rest, [alias[1]]: `${phone}@c.us` };
    }

    const retry: Required<RetryOptions> | false =
      call.retry === false ? false : call.retry ? { ...(retryBase || retryDefaults), ...call.retry } : retryBase;
    const timeout = call.timeout ?? options.timeout ?? DEFAULT_TIMEOUT;
    const url = redact(defaultPathSerializer(baseUrl + info.path, pathParams));
    const started = Date.now();
    for (let attempts = 1; ; attempts++) {
      if (pacer && !signal?.aborted) await pacer.wait(id, signal);
      if (signal?.aborted) throw fail(id, attempts - 1, "aborted", { kind: "aborted" });
      const left = retry ? retry.deadline - (Date.now() - started) : timeout;
      const outcome = await attempt(id, info, body, url, Math.max(1, Math.min(timeout, left)), call);
      if ("value" in outcome) return outcome.value;
      outcome.attempts = attempts;
      if (outcome.kind === "aborted" || !retry || attempts >= retry.attempts || !isRetryable(outcome)) throw outcome;
      const delay =
        outcome.kind === "rate-limited" && outcome.retryAfter !== undefined ? outcome.retryAfter : backoff(attempts, retry);
      if (Date.now() - started + delay >= retry.deadline) throw outcome;
      onRetry?.({ operation: id, attempt: attempts, delay, error: outcome });
      await sleep(delay, signal);
    }
  }

  const api = {} as Record<OperationId, unknown>;
  for (const id of Object.keys(operations) as OperationId[]) {
    api[id] = (body: unknown, callOptions?: CallOptions) => call(id, body, callOptions);
  }
  return api as GreenApi;
}
