// Answers this package writes itself (not Prism's): RFC 9457 problem documents that never echo
// the request, so no path segment (and with it no token) comes back in them.
import type { ServerResponse } from "node:http";
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";

export interface Problem {
  status: number;
  /** A fixed sentence about the kind of fault, never built from the request. */
  detail: string;
}

function document({ status, detail }: Problem): string {
  return JSON.stringify({
    type: "about:blank",
    title: STATUS_CODES[status] ?? "Error",
    status,
    detail,
  });
}

/** Sends the problem on a response not yet started; a started one can only be cut short. */
export function sendProblem(res: ServerResponse, problem: Problem): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = document(problem);
  res.writeHead(problem.status, {
    "content-type": "application/problem+json",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

/** The same answer written on a bare socket, for requests that never became a request object. */
export function writeProblem(socket: Socket, problem: Problem): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = document(problem);
  socket.end(
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? "Error"}\r\n` +
      "content-type: application/problem+json\r\n" +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
