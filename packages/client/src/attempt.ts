import { defaultBodySerializer, defaultPathSerializer } from "openapi-fetch";
import { type Details, type Fail, type Outcome, readAnswer } from "./answer.js";
import { type OperationId, operations } from "./generated/operations.js";
import type { OperationInfo } from "./operation.js";
import { redactError } from "./redact.js";
import type { CallOptions, Credentials, GreenApiOptions } from "./types.js";

/** Error codes (Node's) of a connection that was never made: nothing reached the service. */
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

/**
 * Each operation's URL, its path parameters filled in by openapi-fetch's serializer (OpenAPI's
 * simple style, each value URL-encoded): they never change for a client, so they are built once,
 * for the requests and for the errors that name them.
 */
export function operationUrls(
  baseUrl: string,
  credentials: Credentials,
): Record<OperationId, string> {
  const urls = {} as Record<OperationId, string>;
  for (const id in operations)
    urls[id as OperationId] = defaultPathSerializer(
      baseUrl + operations[id as OperationId].path,
      credentials,
    );
  return urls;
}

/** What one attempt needs from the client. */
export interface AttemptSetup {
  urls: Record<OperationId, string>;
  fetch: GreenApiOptions["fetch"];
  maxResponseBytes: number;
  fail: Fail;
  excerpt: (text: string) => string;
}

/** The content type of a JSON body, shared: fetch reads it and never changes it. */
const JSON_TYPE = { "Content-Type": "application/json" };

/**
 * The headers of a request: a JSON body's content type unless the caller names one (in any
 * case); none for a multipart body, whose boundary fetch writes itself, or for no body.
 */
function headersFor(
  body: unknown,
  given: Record<string, string> | undefined,
): HeadersInit | undefined {
  if (body === undefined || body instanceof FormData) return given;
  if (!given) return JSON_TYPE;
  const headers = new Headers(given);
  if (!headers.has("Content-Type")) headers.set("Content-Type", "application/json");
  return headers;
}

/**
 * Returns a function that sends one request and never throws: it resolves with the answer read
 * (a value or a GreenApiError), or with the error of a timeout, an abort or a failed connection.
 * The request is built with openapi-fetch's serializers (the URL by operationUrls; the body as
 * JSON or multipart) and sent with fetch itself: openapi-fetch's
 * own round trip (headers merged into two Headers objects, a Request, its response parsing) cost
 * about 0.06x raw fetch in latency per call, more than all of the client's checks (`pnpm bench`).
 */
export function attempter({ urls, fetch: given, maxResponseBytes, fail, excerpt }: AttemptSetup) {
  return async (
    id: OperationId,
    body: unknown,
    timeout: number,
    { signal, headers }: CallOptions,
  ): Promise<Outcome> => {
    const controller = new AbortController();
    const abort = () => controller.abort();
    const timer = setTimeout(abort, timeout);
    signal?.addEventListener("abort", abort);
    try {
      const info: OperationInfo = operations[id];
      const response = await capped(
        // The spec's method (POST unless the table says otherwise); a GET sends no body.
        await (given ?? fetch)(urls[id], {
          method: info.method ?? "POST",
          headers: headersFor(body, headers),
          body: body === undefined ? undefined : (defaultBodySerializer(body) as BodyInit),
          signal: controller.signal,
          // Green API never redirects; a followed redirect could carry the request elsewhere.
          redirect: "manual",
        }),
        maxResponseBytes,
      );
      return readAnswer(id, response, await response.text(), fail, excerpt);
    } catch (thrown) {
      if (signal?.aborted) return fail(id, "aborted", { kind: "aborted" });
      if (thrown instanceof TooLarge)
        return fail(id, `HTTP ${thrown.status} body is over ${maxResponseBytes} bytes`, {
          kind: "unexpected-response",
          status: thrown.status,
          description: "",
        } as Details);
      if (controller.signal.aborted)
        return fail(id, `no answer within ${timeout} ms`, { kind: "timeout", timeout } as Details);
      // A safe copy first: a thrown value may have getters that throw.
      const cause = redactError(thrown, String);
      // Refused or unresolved: no connection was made, so nothing reached the service.
      let connectFailed = false;
      for (let at: Error | undefined = cause; at; at = at.cause as Error | undefined)
        connectFailed ||= CONNECT_FAILED.test(String((at as { code?: unknown }).code));
      const detail = cause.cause ? ` (${(cause.cause as Error).message})` : "";
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
  };
}
