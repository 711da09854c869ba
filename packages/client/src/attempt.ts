import type { paths } from "@greenspec/types";
import createClient, { defaultPathSerializer } from "openapi-fetch";
import { type Details, errorText, type Fail, type Outcome, readAnswer } from "./answer.js";
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
 * openapi-fetch builds one Request per call, and Node's Request is slow to construct: it gets
 * this stand-in, which keeps the init as it is (the URL added), for the fetch to pass on.
 */
function LightRequest(url: string, init: RequestInit & { url?: string }) {
  init.url = url;
  return init;
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

/** What one attempt needs from the client. */
export interface AttemptSetup {
  baseUrl: string;
  credentials: Credentials;
  fetch: GreenApiOptions["fetch"];
  maxResponseBytes: number;
  fail: Fail;
  excerpt: (text: string) => string;
}

/** openapi-fetch's `request`, with the method and path as plain strings. */
type UntypedRequest = (
  method: string,
  path: string,
  init: Record<string, unknown>,
) => Promise<{ response: Response; data?: string; error?: unknown }>;

/**
 * Returns a function that sends one request through openapi-fetch and never throws: it resolves
 * with the answer read (a value or a GreenApiError), or with the error of a timeout, an abort or
 * a failed connection.
 */
export function attempter({
  baseUrl,
  credentials,
  fetch: given,
  maxResponseBytes,
  fail,
  excerpt,
}: AttemptSetup) {
  // The path parameters never change for a client: each operation's URL is built once.
  const urls: Record<string, string> = {};
  const http = createClient<paths>({
    baseUrl,
    Request: LightRequest as unknown as typeof Request,
    pathSerializer: (path, params) => (urls[path] ??= defaultPathSerializer(path, params)),
    fetch: async (request) => {
      const init = request as unknown as RequestInit & { url: string };
      return capped(await (given ?? fetch)(init.url, init), maxResponseBytes);
    },
  });

  // Untyped on purpose: the method comes from the table (a GET has no body), which openapi-fetch's
  // per-method types cannot follow; encode.ts has already checked the body against the spec.
  const request = http.request as unknown as UntypedRequest;

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
      // The spec's method (POST unless the table says otherwise); a GET sends no body.
      const { response, data, error } = await request(info.method ?? "POST", info.path, {
        params: { path: credentials },
        body: body as never,
        headers,
        signal: controller.signal,
        // Green API never redirects; a followed redirect could carry the request elsewhere.
        redirect: "manual",
        parseAs: "text",
      });
      const text = data ?? errorText(error);
      return readAnswer(id, response, text, fail, excerpt);
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
