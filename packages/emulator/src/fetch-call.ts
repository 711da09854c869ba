// A call from the arguments of fetch(), as the emulator's core takes it (call.ts).
import type { IncomingCall } from "./call.js";
import { parseMultipart } from "./multipart.js";

/**
 * A call from fetch's arguments. A string URL with a string or FormData body (what the client
 * sends) skips building a Request, which is most of an in-process call's cost.
 */
export function callOf(input: RequestInfo | URL, init: RequestInit | undefined): IncomingCall {
  const body = init?.body;
  if (
    !(input instanceof Request) &&
    (body === undefined || body === null || typeof body === "string" || body instanceof FormData)
  ) {
    const signal = init?.signal ?? undefined;
    if (signal?.aborted) throw signal.reason;
    const headers = new Headers(init?.headers);
    const text = typeof body === "string" ? body : "";
    return {
      method: (init?.method ?? "GET").toUpperCase(),
      pathname: new URL(input).pathname,
      contentType: headers.get("content-type"),
      text: async () => (body instanceof FormData ? "" : text),
      formData: async () => {
        if (body instanceof FormData) return body;
        throw new TypeError("the body is not multipart/form-data");
      },
      ...(signal ? { signal } : {}),
    };
  }
  const request = input instanceof Request && init === undefined ? input : new Request(input, init);
  if (request.signal.aborted) throw request.signal.reason;
  const length = request.headers.get("content-length");
  return {
    method: request.method,
    pathname: new URL(request.url).pathname,
    contentType: request.headers.get("content-type"),
    ...(length === null ? {} : { contentLength: Number(length) }),
    text: () => request.text(),
    formData: async () =>
      parseMultipart(
        new Uint8Array(await request.arrayBuffer()),
        request.headers.get("content-type"),
      ),
    signal: request.signal,
  };
}
