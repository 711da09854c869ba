// The docs server against what a careless rebuild or a hostile client does, on 127.0.0.1.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompress } from "../src/compress.mjs";
import { MAX_PATH_LENGTH, type StaticServer, startStaticServer } from "../src/static-server.mjs";

let outside: string;
let site: string;
let server: StaticServer;
const SECRET = "outside the site folder";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request: the path goes out exactly as written (fetch would normalise it). */
function raw(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(server.url);
    const req = request({ hostname, port, path, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
      response.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  outside = mkdtempSync(join(tmpdir(), "greenspec-outside-"));
  writeFileSync(join(outside, "secret.txt"), SECRET);
  mkdirSync(join(outside, "dir"));
  writeFileSync(join(outside, "dir", "index.html"), SECRET);
  site = join(outside, "site");
  mkdirSync(join(site, "en"), { recursive: true });
  mkdirSync(join(site, "assets"));
  writeFileSync(join(site, "en", "index.html"), `<!DOCTYPE html><p>${"hello ".repeat(500)}</p>`);
  writeFileSync(join(site, "assets", "redoc.0123456789ab.js"), "export {};\n".repeat(200));
  symlinkSync(join(outside, "secret.txt"), join(site, "link.txt"));
  symlinkSync(join(outside, "dir"), join(site, "linked-dir"));
  symlinkSync(join(site, "en", "index.html"), join(site, "inside-link.html"));
  precompress(site);
  server = await startStaticServer({ root: site });
});

afterAll(async () => {
  await server?.close();
  rmSync(outside, { recursive: true, force: true });
});

const stillServes = async () => expect((await raw("/en/")).status).toBe(200);

describe("the docs server never serves a file outside the site folder", () => {
  it.each([
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E%2Fsecret.txt",
    "/en/..%2f..%2fsecret.txt",
    "/..%5csecret.txt",
    "/link.txt",
    "/linked-dir/",
    "/linked-dir/index.html",
  ])("refuses %s", async (path) => {
    const answer = await raw(path);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.body.toString()).not.toContain(SECRET);
    await stillServes();
  });

  it("follows a symlink that stays inside the folder", async () => {
    const answer = await raw("/inside-link.html");
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toContain("hello");
  });

  it.each([
    ["a NUL byte", "/en/index.html%00.js", 400],
    ["a malformed escape", "/%ff%fe", 400],
    ["an absurd length", `/${"a".repeat(MAX_PATH_LENGTH)}`, 414],
  ])("answers %s with a 4xx and keeps serving", async (_what, path, status) => {
    expect((await raw(path)).status).toBe(status);
    await stillServes();
  });
});

describe("the docs server keeps serving when files change under it", () => {
  it("answers 404 or a complete file while the file is deleted and rewritten, and keeps serving", async () => {
    const file = join(site, "en", "churn.html");
    const content = "x".repeat(256 * 1024);
    writeFileSync(file, content);
    let churning = true;
    // Deletes and rewrites the file between the server's stat and its read, over and over.
    const churn = (async () => {
      for (let round = 0; churning && round < 5000; round++) {
        try {
          unlinkSync(file);
        } catch {}
        await new Promise((done) => setImmediate(done));
        writeFileSync(file, content);
        await new Promise((done) => setImmediate(done));
      }
    })();
    const answers = await Promise.all(
      Array.from({ length: 200 }, () =>
        raw("/en/churn.html").catch((error: Error) => ({ status: -1, error })),
      ),
    );
    churning = false;
    await churn;
    for (const answer of answers) {
      expect([200, 404, -1]).toContain(answer.status);
      if ("body" in answer && answer.status === 200)
        expect(answer.body.length).toBe(content.length);
    }
    await stillServes();
  });
});

describe("the docs server's compression and caching", () => {
  it("serves the brotli or gzip copy by Accept-Encoding, with Vary and Content-Encoding", async () => {
    const br = await raw("/en/", { "accept-encoding": "gzip, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toBe("accept-encoding");
    expect(brotliDecompressSync(br.body).toString()).toContain("hello");
    const gzip = await raw("/en/", { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).toString()).toContain("hello");
    const plain = await raw("/en/", { "accept-encoding": "br;q=0" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toBe("accept-encoding");
    expect(plain.body.toString()).toContain("hello");
  });

  it("caches hashed assets for good and makes pages revalidate", async () => {
    expect((await raw("/assets/redoc.0123456789ab.js")).headers["cache-control"]).toContain(
      "immutable",
    );
    expect((await raw("/en/")).headers["cache-control"]).toBe("no-cache");
  });
});

describe("the docs server never redirects off its own host", () => {
  it.each([
    ["//en", "/en/"],
    ["///en", "/en/"],
    ["/en", "/en/"],
  ])("answers GET %s with Location %s", async (path, location) => {
    const answer = await raw(path);
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe(location);
    await stillServes();
  });
});
