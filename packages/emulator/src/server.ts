// startEmulator(): the emulator over HTTP on 127.0.0.1, through plain node:http (no web Request
// or Response per call, which keeps it fast). One bad request never stops the server.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import {
  createEmulator,
  type Emulator,
  type EmulatorOptions,
  handlerOf,
  type Outcome,
} from "./emulator.js";
import { clientErrorStatus, hostCheck, writeRawError } from "./http-guard.js";
import { MAX_BODY_BYTES } from "./limits.js";
import { parseMultipart } from "./multipart.js";

export interface StartEmulatorOptions extends EmulatorOptions {
  /** Port on 127.0.0.1; a free one when left out (or 0). */
  port?: number;
  /**
   * Host names answered besides the loopback ones (`localhost`, `127.x.x.x`, `[::1]`), for a
   * proxy or a container network in front of it. Requests naming any other Host, or sent by a
   * page whose Origin is not one of these, are refused with 403.
   */
  allowedHosts?: string[];
}

/** A request still arriving after this long is answered 408 (on loopback one takes ms). */
const REQUEST_TIMEOUT_MS = 10_000;

export interface EmulatorServer {
  /** Base URL, such as `http://127.0.0.1:4020`: use it as the client's apiUrl. */
  url: string;
  /** Stops listening and closes every connection. Safe to call twice. */
  close(): Promise<void>;
  emulator: Emulator;
}

const HOST = "127.0.0.1";

class TooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit, keep draining (so the 400 can be read) but stop keeping the bytes.
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.once("end", () => {
      if (size > MAX_BODY_BYTES) reject(new TooLarge("the body is too large"));
      else resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    });
    req.once("error", reject);
  });
}

function write(res: ServerResponse, outcome: Outcome): void {
  if ("reset" in outcome) {
    res.socket?.destroy();
    return;
  }
  res.writeHead(outcome.status, {
    "content-type": outcome.contentType,
    "content-length": Buffer.byteLength(outcome.body),
  });
  res.end(outcome.body);
}

/** Answers each request through the emulator's handler, once its Host and Origin are local. */
function listenerOf(
  hosts: ReturnType<typeof hostCheck>,
  handle: ReturnType<typeof handlerOf>,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const refusal = hosts.refusal(req.headers.host, req.headers.origin);
    if (refusal) {
      req.resume();
      write(res, {
        status: 403,
        contentType: "application/json",
        body: JSON.stringify({ error: refusal }),
      });
      return;
    }
    const pathname = (req.url ?? "/").split("?")[0] as string;
    const length = Number(req.headers["content-length"]);
    const contentType = req.headers["content-type"] ?? null;
    let body: Promise<Buffer> | undefined;
    const read = () => {
      body ??= readBody(req);
      return body;
    };
    handle({
      method: req.method ?? "GET",
      pathname,
      contentType,
      ...(Number.isFinite(length) ? { contentLength: length } : {}),
      text: async () => (await read()).toString("utf8"),
      formData: async () => parseMultipart(await read(), contentType),
    }).then(
      (outcome) => {
        if (!res.destroyed) write(res, outcome);
      },
      () => {
        // The emulator answers its own failures; only a broken connection lands here.
        if (!res.headersSent && !res.destroyed) res.socket?.destroy();
      },
    );
  };
}

/** Starts an emulator (made with `options`) listening on 127.0.0.1. */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<EmulatorServer> {
  const { port = 0, allowedHosts, ...emulatorOptions } = options;
  if (
    allowedHosts !== undefined &&
    !(Array.isArray(allowedHosts) && allowedHosts.every((h) => typeof h === "string"))
  )
    throw new TypeError("allowedHosts must be an array of host names");
  const hosts = hostCheck(allowedHosts);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new RangeError(`port must be an integer from 0 to 65535, got ${port}`);
  const emulator = createEmulator(emulatorOptions);

  const server = createServer(
    {
      keepAliveTimeout: 5000,
      requestTimeout: REQUEST_TIMEOUT_MS,
      headersTimeout: REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: 1000,
    },
    listenerOf(hosts, handlerOf(emulator)),
  );
  server.on("clientError", (error: NodeJS.ErrnoException, socket) =>
    writeRawError(
      socket as Socket,
      clientErrorStatus(error.code),
      "the request is not valid HTTP/1.1, or it did not arrive in time",
    ),
  );

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, HOST, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${HOST}:${address.port}`,
    emulator,
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
