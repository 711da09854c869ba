// A small static file server for dist/: enough for the reference site, bound to loopback.
// It serves only regular files whose real path lies inside the site folder, prefers the
// precompressed copies the build writes (.br, .gz), and keeps serving whatever a file does
// while it is read (a rebuild may delete it mid-answer).
import { createReadStream, realpathSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, sep } from "node:path";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".yaml": "application/yaml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

/** Encodings the build precompresses, in the order the server prefers them. */
export const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
];

/** Paths longer than this are refused before any file system call. */
export const MAX_PATH_LENGTH = 1024;

/** Files under this folder carry a content hash in their name and never change. */
export const IMMUTABLE_PREFIX = "/assets/";

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
  const realRoot = realpathSync(root);
  const server = createServer((req, res) => {
    try {
      serve(realRoot, req, res);
    } catch {
      if (!res.headersSent) answer(res, 500, "internal error");
      else res.destroy();
    }
  });
  // A client that sends garbage gets a 400 from Node; it must never take the server down.
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n");
    else socket.destroy();
  });
  // CONNECT and upgrades never reach the handler: answered here, never left hanging.
  server.on("connect", (_req, socket) => {
    socket.end("HTTP/1.1 405 Method Not Allowed\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
  });
  server.on("upgrade", (_req, socket) => {
    socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
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

/**
 * @param {string} realRoot
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
function serve(realRoot, req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") return answer(res, 405, "method not allowed");
  const rawUrl = req.url ?? "/";
  if (rawUrl.length > MAX_PATH_LENGTH) return answer(res, 414, "path too long");
  const pathname = rawUrl.split(/[?#]/, 1)[0] ?? "/";
  const decoded = decodePath(pathname);
  if (decoded === undefined) return answer(res, 400, "bad path");
  const file = inside(realRoot, decoded);
  if (file === undefined) return answer(res, 404, "not found");
  let target = file;
  let stats = statOrUndefined(target);
  if (stats?.isDirectory()) {
    if (!pathname.endsWith("/")) {
      // One leading slash only: `//en/` would be a redirect to the host `en` (protocol-relative).
      res.writeHead(301, { location: `/${pathname.replace(/^[/\\]+/, "")}/` }).end();
      return;
    }
    target = join(target, "index.html");
    stats = statOrUndefined(target);
  }
  // The index may itself be a link out of the folder: check the real path of what is read.
  const real = stats?.isFile() ? realInside(realRoot, target) : undefined;
  if (!real || !stats) return answer(res, 404, "not found");
  const type = CONTENT_TYPES[/** @type {keyof typeof CONTENT_TYPES} */ (extname(real))];
  const headers = {
    "content-type": type ?? "application/octet-stream",
    "cache-control": decoded.startsWith(IMMUTABLE_PREFIX)
      ? "public, max-age=31536000, immutable"
      : "no-cache",
    "x-content-type-options": "nosniff",
  };
  let body = real;
  let size = stats.size;
  /** @type {string | undefined} */
  let encoding;
  if (type !== undefined) {
    const accepted = acceptedEncodings(req.headers["accept-encoding"]);
    for (const candidate of ENCODINGS) {
      if (!accepted.has(candidate.name)) continue;
      const compressed = realInside(realRoot, real + candidate.suffix);
      const compressedStats = compressed ? statOrUndefined(compressed) : undefined;
      if (compressed && compressedStats?.isFile()) {
        body = compressed;
        size = compressedStats.size;
        encoding = candidate.name;
        break;
      }
    }
    // The answer depends on Accept-Encoding whenever a compressed copy could exist.
    Object.assign(headers, { vary: "accept-encoding" });
  }
  if (encoding) Object.assign(headers, { "content-encoding": encoding });
  if (req.method === "HEAD") {
    res.writeHead(200, { ...headers, "content-length": size }).end();
    return;
  }
  const stream = createReadStream(body);
  // The file may vanish or shrink between the stat and the read: answer 404 when nothing was
  // sent yet, otherwise cut the connection so the client sees an incomplete answer.
  stream.once("error", () => {
    if (!res.headersSent) answer(res, 404, "not found");
    else res.destroy();
  });
  stream.once("open", () => {
    res.writeHead(200, { ...headers, "content-length": size });
    stream.pipe(res);
  });
  res.once("close", () => stream.destroy());
}

/**
 * The decoded path, or undefined for a malformed escape or a NUL byte.
 * @param {string} pathname
 */
function decodePath(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0") || !decoded.startsWith("/")) return undefined;
  return decoded;
}

/**
 * The file a path names inside the root, or undefined when any segment climbs (`..`), is a
 * backslash path, or the name would leave the folder.
 * @param {string} realRoot
 * @param {string} decoded
 */
function inside(realRoot, decoded) {
  const segments = decoded.split("/").filter((segment) => segment !== "" && segment !== ".");
  if (segments.some((segment) => segment === ".." || segment.includes("\\"))) return undefined;
  return join(realRoot, ...segments);
}

/**
 * The real path of a file when it lies inside the root (symlinks resolved), else undefined.
 * @param {string} realRoot
 * @param {string} path
 */
function realInside(realRoot, path) {
  let real;
  try {
    real = realpathSync(path);
  } catch {
    return undefined;
  }
  return real === realRoot || real.startsWith(realRoot + sep) ? real : undefined;
}

/** @param {string | undefined} header */
function acceptedEncodings(header) {
  const accepted = new Set();
  for (const part of String(header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const refused = params.some((param) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(param));
    if (name && !refused) accepted.add(name.trim());
  }
  return accepted;
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
  res
    .writeHead(status, {
      "content-type": "text/plain; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    })
    .end(`${text}\n`);
}
