// Raw bytes over a plain TCP connection, so a malformed request reaches the server as it is.
import { connect } from "node:net";

export interface RawOutcome {
  /** The status of the answer's status line; undefined when none came in time. */
  status: number | undefined;
  /** The answer's status line and headers, as received. */
  head: string;
  ms: number;
}

/**
 * Writes `bytes` (a string as latin1) on a fresh connection to `url`'s host and port and reads
 * the head of the answer; gives up after `withinMs`. A request that stalls leaves the connection
 * open and silent, so the server has to time it out.
 */
export function exchangeRaw(
  url: string,
  bytes: string | Buffer,
  withinMs = 5000,
): Promise<RawOutcome> {
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
    const timer = setTimeout(finish, withinMs);
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      received += chunk;
      if (received.includes("\r\n\r\n")) finish();
    });
    socket.once("close", finish);
    socket.once("error", () => {});
    socket.once("connect", () => {
      socket.write(typeof bytes === "string" ? Buffer.from(bytes, "latin1") : bytes);
    });
  });
}
