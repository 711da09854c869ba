// A small static file server for dist/: enough for the reference site, bound to loopback.
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".yaml": "application/yaml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/**
 * @typedef {{ url: string, port: number, close: () => Promise<void> }} StaticServer
 */

/**
 * Serves the files under `root`; a directory answers with its index.html, and a directory asked
 * for without its trailing slash is redirected so relative links resolve.
 * @param {{ root: string, port?: number, host?: string }} options
 * @returns {Promise<StaticServer>}
 */
export function startStaticServer({ root, port = 0, host = "127.0.0.1" }) {
  const base = normalize(root + sep);
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    let decoded;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return answer(res, 400, "bad path");
    }
    const file = normalize(join(base, decoded));
    if (!file.startsWith(base) && file !== normalize(root)) return answer(res, 403, "forbidden");
    if (req.method !== "GET" && req.method !== "HEAD")
      return answer(res, 405, "method not allowed");
    let target = file;
    let stats = statOrUndefined(target);
    if (stats?.isDirectory()) {
      if (!pathname.endsWith("/")) {
        res.writeHead(301, { location: `${pathname}/` }).end();
        return;
      }
      target = join(target, "index.html");
      stats = statOrUndefined(target);
    }
    if (!stats?.isFile()) return answer(res, 404, "not found");
    res.writeHead(200, {
      "content-type":
        CONTENT_TYPES[/** @type {keyof typeof CONTENT_TYPES} */ (extname(target))] ??
        "application/octet-stream",
      "content-length": stats.size,
      "cache-control": "no-cache",
    });
    if (req.method === "HEAD") return res.end();
    createReadStream(target).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      if (!address || typeof address === "string") return reject(new Error("no port to listen on"));
      resolve({
        url: `http://${host}:${address.port}`,
        port: address.port,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            // Browsers keep sockets open; the server must not wait for them.
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** @param {string} path */
function statOrUndefined(path) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * @param {import("node:http").ServerResponse} res
 * @param {number} status
 * @param {string} text
 */
function answer(res, status, text) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(`${text}\n`);
}
