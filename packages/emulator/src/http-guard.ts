// The emulator over HTTP is for the local test run only. A request whose Host is not a loopback
// name (or one the server was told to answer to) is refused, so a page that rebinds its DNS name
// to 127.0.0.1 reads nothing; so is a browser's request from a page that is not local (an Origin
// whose host is neither), so no website can reset the emulator or inject a fault. Malformed HTTP
// gets a 4xx answer, as from the mock, never a silently dropped connection.
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/i;

/** The host name of a Host header value or URL host, without its port, lower case. */
function hostName(host: string): string {
  const trimmed = host.trim().toLowerCase();
  if (trimmed.startsWith("[")) return trimmed.slice(0, trimmed.indexOf("]") + 1);
  return trimmed.replace(/:\d*$/, "");
}

export interface HostCheck {
  /** Why the request is refused (403), or undefined when it may go on. */
  refusal(host: string | undefined, origin: string | undefined): string | undefined;
}

export function hostCheck(allowedHosts: readonly string[] = []): HostCheck {
  const allowed = new Set(allowedHosts.map(hostName));
  const local = (name: string) => LOOPBACK.test(name) || allowed.has(name);
  return {
    refusal(host, origin) {
      if (host === undefined || !local(hostName(host)))
        return "the Host is not a loopback name nor one the emulator was told to answer to";
      if (origin === undefined) return undefined;
      let originHost: string;
      try {
        originHost = new URL(origin).host;
      } catch {
        return "the Origin is not a page of this machine";
      }
      return local(hostName(originHost)) ? undefined : "the Origin is not a page of this machine";
    },
  };
}

/** Node's parser error codes as the status the mock answers them with. */
export function clientErrorStatus(code: string | undefined): number {
  if (code === "HPE_HEADER_OVERFLOW") return 431;
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") return 408;
  return 400;
}

/** A JSON error answer written on a bare socket, for a request that never became one. */
export function writeRawError(socket: Socket, status: number, error: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({ error });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}\r\ncontent-type: application/json\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
