// Reads a request body the way prism-http-server does (JSON types parsed, anything else as
// text, no body without Content-Length or Transfer-Encoding), with a size bound.
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";

/** prism-http-server's own limit. */
export const BODY_LIMIT_BYTES = 10 * 1024 * 1024;

export class BodyTooLarge extends Error {}

export function hasBody(headers: IncomingHttpHeaders): boolean {
  if (headers["content-length"] === "0") return false;
  return headers["transfer-encoding"] !== undefined || headers["content-length"] !== undefined;
}

/** The bytes of the body, or null when the request declares none. Rejects past the limit. */
export function readBody(req: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<Buffer | null> {
  if (!hasBody(req.headers)) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

/** The media type without parameters, lower case ("" when there is none). */
export function essence(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

export function isJsonMediaType(contentType: string | undefined): boolean {
  const type = essence(contentType);
  return type === "application/json" || /^application\/[^/]+\+json$/.test(type);
}

export type ParsedBody = { ok: true; value: unknown } | { ok: false };

/** The body as Prism reads it: JSON for JSON types, otherwise the text. */
export function parseBody(bytes: Buffer | null, contentType: string | undefined): ParsedBody {
  if (bytes === null) return { ok: true, value: null };
  const text = bytes.toString("utf8");
  if (!isJsonMediaType(contentType)) return { ok: true, value: text };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
