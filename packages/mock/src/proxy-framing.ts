// What the validation proxy passes on of a message's headers, and how it frames a forwarded body:
// a body goes on with the framing the proxy itself read, so the upstream can never read it as a
// second request (request smuggling).
import type { IncomingHttpHeaders } from "node:http";

/** Headers that belong to one connection (RFC 9110 7.6.1), never forwarded. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "upgrade",
]);

/** Headers that say where a message ends (or whom it is for): never dropped on a caller's word. */
const FRAMING = new Set(["content-length", "transfer-encoding", "host"]);

function connectionNames(connection: string | string[] | undefined): Set<string> {
  return new Set(
    [connection ?? []]
      .flat()
      .flatMap((value) => value.split(","))
      .map((name) => name.trim().toLowerCase()),
  );
}

/** Why a request cannot be forwarded safely as it is, or undefined when it can. */
export function framingRefusal(headers: IncomingHttpHeaders): string | undefined {
  for (const name of connectionNames(headers.connection)) {
    if (FRAMING.has(name)) return "The Connection header names a header that frames the request.";
  }
  return undefined;
}

/**
 * The header list without hop-by-hop fields, nor those the Connection header names; with
 * `reframe`, also without the body's framing, which the caller then sets itself.
 */
export function endToEnd(
  raw: string[],
  connection: string | string[] | undefined,
  reframe = false,
): string[] {
  const named = connectionNames(connection);
  const kept: string[] = [];
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = (raw[index] as string).toLowerCase();
    if (HOP_BY_HOP.has(name) || name === "host") continue;
    if (reframe ? FRAMING.has(name) : named.has(name) && !FRAMING.has(name)) continue;
    kept.push(raw[index] as string, raw[index + 1] as string);
  }
  return kept;
}

/**
 * The framing header a forwarded request body goes out with, from what the proxy read (none
 * when the request has no body: the proxy then sends none either).
 */
export function requestFraming(headers: IncomingHttpHeaders): string[] {
  if (headers["transfer-encoding"] !== undefined) return ["transfer-encoding", "chunked"];
  const length = headers["content-length"];
  return length === undefined ? [] : ["content-length", length];
}
