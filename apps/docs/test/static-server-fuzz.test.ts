// 1,000 hostile requests at the docs server (seeded): each is answered within 5 s, none with a
// 5xx or a redirect off its host, it still serves the site after each batch, and its memory
// stays under a ceiling.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exchangeRaw, seededRandom } from "@greenspec/test-helpers";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type StaticServer, startStaticServer } from "../src/static-server.mjs";

const SEED = 0xd0c5;
const BATCHES = 5;
const BATCH_SIZE = 200;
const ANSWER_WITHIN_MS = 5000;
/** Growth of this process's resident memory over the whole run. */
const MEMORY_CEILING_BYTES = 200 * 1024 * 1024;

let dir: string;
let server: StaticServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "greenspec-docs-fuzz-"));
  mkdirSync(join(dir, "en"));
  writeFileSync(join(dir, "en", "index.html"), "<!DOCTYPE html><p>docs</p>");
  server = await startStaticServer({ root: dir });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const PATHS = [
  "//en",
  "///attacker.example",
  "/\\attacker.example",
  "/%2f%2fattacker.example",
  "/../../etc/passwd",
  "/en/%2e%2e/%2e%2e/etc/passwd",
  "/%00",
  "/%",
  "/en?x=<script>",
  `/${"a".repeat(5000)}`,
  "/en/../en/",
  "*",
  "http://attacker.example/en",
];
const METHODS = ["GET", "HEAD", "POST", "DELETE", "OPTIONS", "GE T", "CONNECT"];

function hostile(random: () => number): string {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)] as T;
  const kind = random();
  if (kind < 0.1)
    return Array.from({ length: 64 }, () => String.fromCharCode(random() * 256)).join("");
  const headers =
    kind < 0.2 ? `X-Big: ${"b".repeat(20_000 + Math.floor(random() * 80_000))}\r\n` : "";
  const host = kind < 0.3 ? "Host: attacker.example\r\n" : "Host: 127.0.0.1\r\n";
  return `${pick(METHODS)} ${pick(PATHS)} HTTP/1.1\r\n${host}${headers}Connection: close\r\n\r\n`;
}

const exchange = (bytes: string) => exchangeRaw(server.url, bytes, ANSWER_WITHIN_MS);

it(`answers ${BATCHES * BATCH_SIZE} hostile requests (seed ${SEED.toString(16)}), never off its host`, async () => {
  const random = seededRandom(SEED);
  const before = process.memoryUsage().rss;
  for (let batch = 0; batch < BATCHES; batch++) {
    const requests = Array.from({ length: BATCH_SIZE }, () => hostile(random));
    const outcomes: { head: string; ms: number }[] = [];
    for (let i = 0; i < requests.length; i += 20)
      outcomes.push(...(await Promise.all(requests.slice(i, i + 20).map(exchange))));
    const failures = outcomes.flatMap(({ head, ms }, index) => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
      const location = /\r\nlocation: (.*)/i.exec(head)?.[1] ?? "";
      const bad =
        !status ||
        status >= 500 ||
        ms >= ANSWER_WITHIN_MS ||
        /^(\/\/|\/\\|[a-z]+:)/i.test(location);
      return bad
        ? [`${JSON.stringify(requests[index]?.slice(0, 60))} -> ${head.slice(0, 80)}`]
        : [];
    });
    expect(failures, `batch ${batch}`).toEqual([]);
    expect((await fetch(`${server.url}/en/`)).status).toBe(200);
  }
  expect(process.memoryUsage().rss - before).toBeLessThan(MEMORY_CEILING_BYTES);
});
