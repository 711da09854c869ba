// A seeded soak of 1,000 hostile requests at the emulator over HTTP, in a process of its own:
// each is answered within 5 s (never with a 500 of its own making), it keeps serving a plain
// call after each batch, and its resident memory stays under a ceiling throughout.
import type { ChildProcess } from "node:child_process";
import { exchangeRaw, rssOf } from "@greenspec/test-helpers";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CONTROL_PREFIX } from "../src/index.js";
import { createRandom } from "../src/random.js";
import { startEmulatorProcess } from "./emulator-process.js";

const SEED = 0xe3c1;
const BATCHES = 5;
const BATCH_SIZE = 200;
const ANSWER_WITHIN_MS = 5000;
const MEMORY_CEILING_BYTES = 400 * 1024 * 1024;

let child: ChildProcess;
let base = "";
beforeAll(async () => {
  ({ child, base } = await startEmulatorProcess());
});
afterAll(() => {
  child?.kill();
});

const OPERATIONS = [
  "createGroup",
  "getGroupData",
  "addGroupParticipant",
  "setGroupPicture",
  "nope",
];
const TYPES = [
  "application/json",
  "text/plain",
  "multipart/form-data; boundary=b",
  "application/xml",
];

function body(random: () => number): string {
  const kind = Math.floor(random() * 6);
  if (kind === 0) return `${"[".repeat(5000)}${"]".repeat(5000)}`;
  if (kind === 1)
    return JSON.stringify({
      groupName: "g",
      chatIds: Array.from({ length: 2000 }, (_, i) => `7900${String(i).padStart(7, "0")}@c.us`),
    });
  if (kind === 2) return '--b\r\nContent-Disposition: form-data; name="x"\r\n\r\ny\r\n'.repeat(500);
  if (kind === 3) return "{".repeat(1000);
  if (kind === 4)
    return JSON.stringify({ groupName: "n".repeat(100), chatIds: ["79001234567@c.us"] });
  return Array.from({ length: 200 }, () => String.fromCharCode(random() * 256)).join("");
}

function hostile(random: () => number): string {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)] as T;
  const roll = random();
  if (roll < 0.05) return "NOT HTTP\r\n\r\n";
  if (roll < 0.1) return `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX: ${"h".repeat(70_000)}\r\n\r\n`;
  const host = roll < 0.15 ? "attacker.example" : "127.0.0.1";
  // Many unknown instances: each registers itself until the limit.
  const id = 1_000_000 + Math.floor(random() * 3000);
  const path =
    roll < 0.2
      ? `${CONTROL_PREFIX}/${pick(["reset", "clock/advance", "fail", "people", "journal"])}`
      : `/waInstance${id}/${pick(OPERATIONS)}/token${Math.floor(random() * 1e9)}`;
  const text = body(random);
  return `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: ${pick(TYPES)}\r\nContent-Length: ${Buffer.byteLength(text, "latin1")}\r\nConnection: close\r\n\r\n${text}`;
}

const exchange = (bytes: string) => exchangeRaw(base, bytes, ANSWER_WITHIN_MS);

it(`answers ${BATCHES * BATCH_SIZE} hostile requests (seed ${SEED.toString(16)}) within 5 s each, under ${MEMORY_CEILING_BYTES / 1024 / 1024} MB`, async () => {
  const random = createRandom(SEED).next;
  for (let batch = 0; batch < BATCHES; batch++) {
    const requests = Array.from({ length: BATCH_SIZE }, () => hostile(random));
    const outcomes: { status: number | undefined; ms: number }[] = [];
    for (let i = 0; i < requests.length; i += 10)
      outcomes.push(...(await Promise.all(requests.slice(i, i + 10).map(exchange))));
    const failures = outcomes.flatMap(({ status, ms }, index) =>
      status === undefined || status >= 500 || ms >= ANSWER_WITHIN_MS
        ? [`${JSON.stringify(requests[index]?.slice(0, 80))} -> ${status} in ${Math.round(ms)} ms`]
        : [],
    );
    expect(failures, `batch ${batch}`).toEqual([]);
    const journal = await fetch(`${base}${CONTROL_PREFIX}/journal`);
    expect(journal.status, "the journal stays readable").toBe(200);
    await journal.arrayBuffer();
    if (child.pid !== undefined) expect(rssOf(child.pid)).toBeLessThan(MEMORY_CEILING_BYTES);
  }
}, 120_000);
