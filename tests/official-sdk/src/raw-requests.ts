// Requests byte for byte as another SDK's HTTP library sends them: the exact JSON text, headers and
// multipart layout, sent with fetch (or node:http, for Expect) so nothing is re-encoded.
import { request } from "node:http";

export interface Part {
  /** The part's header lines, as that library writes them. */
  headers: string[];
  value: string | Uint8Array;
}

/** A multipart/form-data body with `boundary`, parts in the given order. */
export function multipartBody(boundary: string, parts: Part[]): Uint8Array<ArrayBuffer> {
  const chunks: Uint8Array[] = [];
  const text = (s: string) => chunks.push(new TextEncoder().encode(s));
  for (const part of parts) {
    text(`--${boundary}\r\n${part.headers.join("\r\n")}\r\n\r\n`);
    if (typeof part.value === "string") text(part.value);
    else chunks.push(part.value);
    text("\r\n");
  }
  text(`--${boundary}--\r\n`);
  const body = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.length;
  }
  return body;
}

export interface RawAnswer {
  status: number;
  body: unknown;
}

/** POSTs `body` with exactly `headers` and reads the answer as JSON (text when it is not). */
export async function postRaw(
  url: string,
  headers: Record<string, string>,
  body: string | Uint8Array<ArrayBuffer>,
): Promise<RawAnswer & { headers: Headers }> {
  const response = await fetch(url, { method: "POST", headers, body });
  const text = await response.text();
  const answer = { status: response.status, headers: response.headers };
  try {
    return { ...answer, body: JSON.parse(text) };
  } catch {
    return { ...answer, body: text };
  }
}

/**
 * POSTs as curl does a larger body: headers with `Expect: 100-continue`, then the body only once
 * the server has said `100 Continue`. `continued` tells whether it did.
 */
export function postAfterContinue(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<RawAnswer & { continued: boolean }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    let continued = false;
    const req = request({
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      method: "POST",
      headers: { ...headers, "content-length": Buffer.byteLength(body), expect: "100-continue" },
    });
    req.on("continue", () => {
      continued = true;
      req.end(body);
    });
    req.on("response", (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        text += chunk;
      });
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(text), continued }),
      );
    });
    req.on("error", reject);
    req.flushHeaders();
  });
}
