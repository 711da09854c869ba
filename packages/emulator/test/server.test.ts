import { spawn } from "node:child_process";
import { request } from "node:http";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import { createGreenApi } from "@greenspec/client";
import { printed } from "@greenspec/test-helpers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTROL_PREFIX, type EmulatorServer, startEmulator } from "../src/index.js";
import { JPEG, rejection, TOKEN } from "./helpers.js";

let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulator({ clock: "manual" });
});
afterAll(() => server.close());

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${CONTROL_PREFIX}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}

/** Sends raw bytes and reads whatever comes back (or the socket closing). */
function raw(bytes: string): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), "127.0.0.1");
    let out = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      out += chunk;
    });
    socket.on("close", () => resolve(out));
    socket.on("error", () => resolve(out));
    socket.end(bytes);
  });
}

describe("startEmulator", () => {
  it("serves on 127.0.0.1 and keeps state across HTTP calls, controlled over HTTP", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await control("POST", "/reset")).status).toBe(200);
    const api = createGreenApi({
      idInstance: "1101000001",
      apiTokenInstance: TOKEN,
      apiUrl: server.url,
      retry: false,
    });
    const { chatId } = await api.createGroup({
      groupName: "Over HTTP",
      chatIds: ["79001234568@c.us"],
    });
    const groupId = chatId as string;
    await control("POST", "/clock/advance", { ms: 1000 });
    expect(await api.addGroupParticipant({ groupId, participantPhone: 79001234569 })).toEqual({
      addParticipant: true,
    });
    const picture = await api.setGroupPicture({
      groupId,
      file: new Blob([JPEG], { type: "image/jpeg" }),
    });
    expect(picture.setGroupPicture).toBe(true);
    const data = await api.getGroupData({ groupId });
    expect(data.participants.map((p) => p.id)).toContain("79001234569@c.us");

    const snapshot = await control("GET", "/snapshot");
    expect(snapshot.body.groups[0].participants).toHaveLength(3);
    expect(server.emulator.snapshot()).toEqual(snapshot.body);
    const journal = await control("GET", "/journal");
    expect(journal.body.map((e: { operation: string }) => e.operation)).toEqual([
      "createGroup",
      "addGroupParticipant",
      "setGroupPicture",
      "getGroupData",
    ]);
    expect(JSON.stringify(journal.body)).not.toContain(TOKEN);
  });

  it("arms faults, states, people and instances through the control API, refusing bad ones with 400", async () => {
    await control("POST", "/reset");
    expect((await control("GET", "")).body.controls).toContain(`POST ${CONTROL_PREFIX}/fail`);
    expect(
      (await control("POST", "/instances", { idInstance: "7", apiTokenInstance: TOKEN })).status,
    ).toBe(200);
    expect((await control("POST", "/state", { idInstance: "7", state: "starting" })).status).toBe(
      200,
    );
    expect((await control("POST", "/people", { phones: [79001234568] })).status).toBe(200);
    expect((await control("POST", "/fail", { operation: "leaveGroup", status: 500 })).status).toBe(
      200,
    );
    const refused = await control("POST", "/fail", { operation: "leaveGroup", status: 299 });
    expect(refused).toMatchObject({ status: 400, body: { field: "status" } });
    expect((await control("POST", "/instances", { idInstance: "x" })).status).toBe(400);
    expect((await control("POST", "/nothing")).status).toBe(404);
    const notJson = await fetch(`${server.url}${CONTROL_PREFIX}/people`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect(notJson.status).toBe(400);
    // A body that is not declared JSON (what a cross-site form or text/plain POST sends): 415.
    const plain = await fetch(`${server.url}${CONTROL_PREFIX}/people`, {
      method: "POST",
      body: "{",
    });
    expect(plain.status).toBe(415);
    const api = createGreenApi({
      idInstance: "8",
      apiTokenInstance: TOKEN,
      apiUrl: server.url,
      retry: false,
    });
    const error = await rejection(api.leaveGroup({ groupId: "120363000000000001@g.us" }));
    expect(error.status).toBe(500);
    const starting = createGreenApi({
      idInstance: "7",
      apiTokenInstance: TOKEN,
      apiUrl: server.url,
      retry: false,
    });
    expect(
      (await rejection(starting.leaveGroup({ groupId: "120363000000000001@g.us" }))).kind,
    ).toBe("instance-starting");
  });

  it("keeps serving after a dropped connection, a malformed request line and a huge body", async () => {
    await control("POST", "/reset");
    await control("POST", "/fail", { operation: "leaveGroup", reset: true });
    const api = createGreenApi({
      idInstance: "9",
      apiTokenInstance: TOKEN,
      apiUrl: server.url,
      retry: false,
    });
    expect((await rejection(api.leaveGroup({ groupId: "120363000000000001@g.us" }))).kind).toBe(
      "network",
    );
    expect(await raw("NONSENSE\r\n\r\n")).not.toContain(TOKEN);
    const huge = await new Promise<number | string>((resolve) => {
      const req = request(`${server.url}/waInstance9/createGroup/${TOKEN}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
      });
      req.on("response", (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => resolve(`${res.statusCode} ${text}`));
      });
      req.on("error", (e) => resolve(e.message));
      const chunk = Buffer.alloc(1024 * 1024, 32);
      for (let i = 0; i < 12; i++) req.write(chunk);
      req.end();
    });
    expect(huge).toMatch(/^400 .*too large/);
    expect(await api.leaveGroup({ groupId: "120363000000000001@g.us" })).toEqual({
      leaveGroup: false,
    });
  });
});

describe("greenspec-emulator", () => {
  it("serves on the port it is given and stops on SIGTERM", async () => {
    const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
    const child = spawn(process.execPath, [cli, "--port", "0", "--clock", "manual"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const url = await printed(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/, 60_000);
    try {
      const response = await fetch(`${url}${CONTROL_PREFIX}/clock`);
      expect(await response.json()).toMatchObject({ mode: "manual" });
    } finally {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    }
  });

  it("refuses a bad flag with exit code 2", async () => {
    const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
    const child = spawn(process.execPath, [cli, "--port", "abc"], { stdio: "ignore" });
    expect(await new Promise((resolve) => child.once("exit", resolve))).toBe(2);
  });
});
