// Raw bytes over a plain TCP connection, so a malformed request reaches the server as it is.
import { connect } from "node:net";
import type { MalformedRequest } from "./malformed-requests.js";

export const ANSWER_WITHIN_MS = 5000;

export interface Outcome {
  status: number | undefined;
  head: string;
  ms: number;
}

/** Writes the bytes on a fresh connection and reads the status line of the answer. */
export function exchangeRaw(url: string, request: MalformedRequest): Promise<Outcome> {
  const { hostname, port } = new URL(url);
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let received = "";
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const status = /^HTTP\/1\.1 (\d{3}) /.exec(received)?.[1];
      resolve({
        status: status ? Number(status) : undefined,
        head: received.split("\r\n\r\n")[0] ?? "",
        ms: performance.now() - started,
      });
    };
    const timer = setTimeout(finish, ANSWER_WITHIN_MS);
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      received += chunk;
      if (received.includes("\r\n\r\n")) finish();
    });
    socket.once("close", finish);
    socket.once("error", () => {});
    socket.once("connect", () => {
      // A stalled request leaves the connection open and silent; others may half-close.
      socket.write(request.bytes);
    });
  });
}

export async function inParallel<T, R>(
  items: T[],
  limit: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await run(items[index] as T);
      }
    }),
  );
  return results;
}
