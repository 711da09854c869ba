// The loopback server, run in its own process so it never shares the clients' event loop: it
// answers the one operation with the service's success body and 404s anything else.
import { createServer } from "node:http";
import { ANSWER, OPERATION_PATH } from "./fixtures.js";

const answer = Buffer.from(ANSWER);
const server = createServer((req, res) => {
  const ok = req.method === "POST" && req.url === OPERATION_PATH;
  req.resume();
  req.on("end", () => {
    if (!ok) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json", "content-length": answer.length });
    res.end(answer);
  });
});
// Keep-alive sockets must outlive the whole run, whatever the pauses between rounds.
server.keepAliveTimeout = 60_000;

process.on("disconnect", () => process.exit());
process.on("SIGTERM", () => process.exit(0));

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  process.send?.({ url: `http://127.0.0.1:${address.port}` });
});
