// The emulator over HTTP answers the local test run only (Host and Origin checked), takes JSON
// controls only and the spec's content types only, keeps its clock and delays sane, and
// answers malformed HTTP with a 4xx as the mock does.
import { request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTROL_PREFIX, type EmulatorServer, startEmulator } from "../src/index.js";
import { ID, TOKEN } from "./helpers.js";

let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulator({ clock: "manual", allowedHosts: ["emulator.internal"] });
});
afterAll(() => server.close());

/** One request with the headers as given (Host included); resolves with status and body. */
function send(
  path: string,
  headers: Record<string, string>,
  body = "",
  method = "POST",
): Promise<{ status: number; body: string }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: "127.0.0.1", port, path, method, headers, agent: false });
    outgoing.once("response", (answer) => {
      let text = "";
      answer.setEncoding("utf8").on("data", (chunk: string) => {
        text += chunk;
      });
      answer.once("end", () => resolve({ status: answer.statusCode ?? 0, body: text }));
    });
    outgoing.once("error", reject);
    outgoing.end(body);
  });
}

function raw(bytes: string): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), "127.0.0.1");
    let out = "";
    socket.setEncoding("latin1").on("data", (chunk: string) => {
      out += chunk;
    });
    socket.once("close", () => resolve(out));
    socket.once("error", () => resolve(out));
    socket.write(bytes);
  });
}

const operation = `/waInstance${ID}/getGroupData/${TOKEN}`;

/** Moves the manual clock a minute on, so a call is never rate-limited. */
const later = () =>
  send(
    `${CONTROL_PREFIX}/clock/advance`,
    { host: "127.0.0.1", "content-type": "application/json" },
    '{"ms":60000}',
  );
const JSON_TYPE = { "content-type": "application/json" };

describe("Host and Origin", () => {
  it("refuses a Host that is not a loopback name (DNS rebinding) on operations and controls", async () => {
    const host = { host: "attacker.example:4020" };
    expect((await send(operation, { ...host, ...JSON_TYPE }, "{}")).status).toBe(403);
    expect((await send(`${CONTROL_PREFIX}/journal`, host, "", "GET")).status).toBe(403);
  });

  it("answers loopback names and the names it was told to", async () => {
    for (const host of ["127.0.0.1:1", "localhost", "[::1]:80", "emulator.internal:4020"])
      expect((await send(`${CONTROL_PREFIX}/clock`, { host }, "", "GET")).status).toBe(200);
  });

  it("refuses a cross-site page's request, even a text/plain reset; a local page may call", async () => {
    const evil = {
      host: "127.0.0.1",
      origin: "https://attacker.example",
      "content-type": "text/plain",
    };
    expect((await send(`${CONTROL_PREFIX}/reset`, evil, "{}")).status).toBe(403);
    expect((await send(`${CONTROL_PREFIX}/reset`, { ...evil, origin: "null" })).status).toBe(403);
    const local = { host: "127.0.0.1", origin: "http://localhost:5173", ...JSON_TYPE };
    expect((await send(`${CONTROL_PREFIX}/reset`, local, "{}")).status).toBe(200);
  });
});

describe("content types", () => {
  it("takes controls as JSON only", async () => {
    const host = { host: "127.0.0.1" };
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ])
      expect(
        (await send(`${CONTROL_PREFIX}/reset`, { ...host, "content-type": type }, "{}")).status,
      ).toBe(415);
  });

  it("refuses a body in a media type the operation does not list, as the mock does", async () => {
    const body = JSON.stringify({ groupId: "79001234567-1587570015@g.us" });
    for (const type of ["text/plain", "application/xml", "application/x-www-form-urlencoded"]) {
      await later();
      const answer = await send(operation, { host: "127.0.0.1", "content-type": type }, body);
      expect(answer.status).toBe(400);
    }
  });
});

describe("sane controls", () => {
  const host = { host: "127.0.0.1", ...JSON_TYPE };

  it("refuses a clock jump past the year 9999 and keeps answering", async () => {
    const jump = await send(`${CONTROL_PREFIX}/clock/advance`, host, JSON.stringify({ ms: 1e308 }));
    expect(jump.status).toBe(400);
    await later();
    expect((await send(operation, host, "{}")).status).toBe(400);
    expect((await send(`${CONTROL_PREFIX}/clock`, host, "", "GET")).status).toBe(200);
  });

  it("refuses a fault delay longer than a timer can wait", async () => {
    const body = JSON.stringify({ operation: "getGroupData", delay: 2 ** 31 + 5 });
    const answer = await send(`${CONTROL_PREFIX}/fail`, host, body);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ field: "delay" });
  });

  it("answers an oversized control body 413, not 500", async () => {
    const body = JSON.stringify({ phones: "x".repeat(11 * 1024 * 1024) });
    expect((await send(`${CONTROL_PREFIX}/people`, host, body)).status).toBe(413);
  });
});

describe("malformed HTTP", () => {
  it("answers bytes that are not HTTP with 400 and oversized headers with 431", async () => {
    expect(await raw("NOT HTTP AT ALL\r\n\r\n")).toMatch(/^HTTP\/1\.1 400 /);
    const huge = `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${"a".repeat(100_000)}\r\n\r\n`;
    expect(await raw(huge)).toMatch(/^HTTP\/1\.1 431 /);
  });
});
