// A node:http server that answers every request, however broken, and never lets one request's
// fault reach the process: unparseable HTTP, oversized headers, stalled bodies, upgrades and
// CONNECT all get a 4xx problem answer.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { sendProblem, writeProblem } from "./problem.js";

export interface GuardedServerOptions {
  /** A request whose headers and body have not all arrived by then is answered 408. */
  requestTimeoutMs: number;
}

function clientErrorStatus(code: string | undefined): number {
  if (code === "HPE_HEADER_OVERFLOW") return 431;
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") return 408;
  return 400;
}

export function createGuardedServer(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  options: GuardedServerOptions,
): Server {
  const server = createServer(
    {
      requestTimeout: options.requestTimeoutMs,
      headersTimeout: options.requestTimeoutMs,
      // Node checks the two timeouts above only this often (30 s unless told).
      connectionsCheckingInterval: Math.min(250, options.requestTimeoutMs),
    },
    (req, res) => {
      handle(req, res).catch(() => {
        sendProblem(res, { status: 500, detail: "The mock failed while answering this request." });
      });
    },
  );
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
    writeProblem(socket, {
      status: clientErrorStatus(error.code),
      detail: "The request is not valid HTTP/1.1, or it did not arrive in time.",
    });
  });
  server.on("checkExpectation", (_req: IncomingMessage, res: ServerResponse) => {
    sendProblem(res, { status: 417, detail: "Only Expect: 100-continue is supported." });
  });
  server.on("upgrade", (_req: IncomingMessage, socket: Socket) => {
    writeProblem(socket, { status: 400, detail: "Protocol upgrades are not supported." });
  });
  server.on("connect", (_req: IncomingMessage, socket: Socket) => {
    writeProblem(socket, { status: 405, detail: "CONNECT is not supported." });
  });
  return server;
}
