// A real upstream on 127.0.0.1 for the validation proxy: records what reaches it and answers
// whatever the test tells it to.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { listenLocally } from "@greenspec/test-helpers";

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

export interface Upstream {
  url: string;
  received: Received[];
  answer: (request: Received) => Answer;
  close(): Promise<void>;
}

export async function startUpstream(): Promise<Upstream> {
  const upstream: Upstream = {
    url: "",
    received: [],
    answer: () => ({ status: 200, headers: { "content-type": "application/json" }, body: "{}" }),
    // Replaced by the real close once the server listens.
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const received = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      upstream.received.push(received);
      const { status, headers, body } = upstream.answer(received);
      res.writeHead(status, headers);
      res.end(body);
    });
  });
  server.keepAliveTimeout = 1000;
  const local = await listenLocally(server);
  upstream.url = local.url;
  upstream.close = local.close;
  return upstream;
}

/** The exact bytes and content type a body goes out with (multipart through fetch's own encoder). */
export async function encoded(
  body: BodyInit,
  contentType?: string,
): Promise<{ bytes: Buffer; contentType: string }> {
  const request = new Request("http://encoder.invalid/", {
    method: "POST",
    body,
    headers: contentType ? { "content-type": contentType } : {},
  });
  return {
    bytes: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get("content-type") ?? "",
  };
}
