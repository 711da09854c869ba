import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { listenLocally } from "@greenspec/test-helpers";

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

/** Answers one request; `step` counts from 0. */
export type Script = (res: ServerResponse, req: Received, step: number) => void | Promise<void>;

export interface ScriptedServer {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 (free port) that plays `steps` in order, repeating the last
 * one, and records every request it gets.
 */
export async function startScripted(...steps: Script[]): Promise<ScriptedServer> {
  const received: Received[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const got = {
      method: req.method ?? "",
      url: req.url ?? "",
      headers: req.headers,
      body: Buffer.concat(chunks),
    };
    const step = received.push(got) - 1;
    await (steps[Math.min(step, steps.length - 1)] as Script)(res, got, step);
  });
  return { ...(await listenLocally(server)), received };
}

/** A JSON answer. */
export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Script =>
  (res) => {
    res.writeHead(status, { "Content-Type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

/** A raw answer with any content type and body. */
export const raw =
  (
    status: number,
    body: string,
    contentType = "text/plain",
    headers: Record<string, string> = {},
  ): Script =>
  (res) => {
    res.writeHead(status, { "Content-Type": contentType, ...headers });
    res.end(body);
  };

/** Drops the connection without answering (the client sees a reset). */
export const reset: Script = (res) => {
  res.socket?.destroy();
};

/** Never answers (until the server closes). */
export const hang: Script = () => {};
