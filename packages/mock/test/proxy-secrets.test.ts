// The token never shows in what the validation proxy reports or prints, in any spelling and not
// even in part (8 characters of it count as a leak), whatever the request looks like.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { echoesOf, leakedPieces } from "@greenspec/redact";
import { collectOutput, printed } from "@greenspec/test-helpers";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startMock } from "../dist/index.js";
import { type Operation, operations, operationUrl } from "./openapi-operations.js";
import { invalidBodies, validBodies } from "./request-bodies.js";
import { startUpstream, type Upstream } from "./upstream.js";

const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
/** Reserved and non-ASCII characters, so every encoding of it differs from the raw form. */
const TOKEN = "Tok/en?#%&+ =;é,SECRETqwertyzx:@$";

function leakForms(secret: string): string[] {
  const encoded = encodeURIComponent(secret);
  return [
    secret,
    encoded,
    encoded.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
    encodeURI(secret),
    JSON.stringify(secret).slice(1, -1),
  ];
}

/** Every 8-character run of every spelling of the token found in the text. */
function leaks(text: string): string[] {
  const found = new Set<string>();
  for (const form of leakForms(TOKEN)) {
    for (let start = 0; start + 8 <= form.length; start++) {
      const run = form.slice(start, start + 8);
      if (text.includes(run)) found.add(run);
    }
  }
  return [...found];
}

function firstOperation(): Operation {
  const [first] = operations;
  if (!first) throw new Error("the bundled spec has no operation");
  return first;
}

const operation = firstOperation();
const lowercaseHexToken = encodeURIComponent(TOKEN).replace(/%[0-9A-F]{2}/g, (hex) =>
  hex.toLowerCase(),
);

/** Requests that carry the token in every position and spelling, valid and not. */
async function sendTraffic(baseUrl: string): Promise<void> {
  const [valid] = validBodies(operation);
  const [invalid] = invalidBodies(operation);
  const url = operationUrl(baseUrl, operation, { apiTokenInstance: TOKEN });
  const post = (target: string, body: string) =>
    fetch(target, {
      method: "POST",
      headers: { "content-type": operation.requestMediaType },
      body,
      signal: AbortSignal.timeout(5000),
    }).then((response) => response.arrayBuffer());
  await post(url, JSON.stringify(valid?.body ?? {}));
  await post(url, JSON.stringify(invalid?.body ?? {}));
  await post(url, "{ not json");
  // A careless caller's body that holds the token as a key: Prism names unknown keys.
  await post(url, JSON.stringify({ ...(valid?.body as object), [TOKEN]: TOKEN }));
  await post(url.replace(encodeURIComponent(TOKEN), lowercaseHexToken), "{}");
  await post(`${baseUrl}/waInstance1/noSuchMethod/${encodeURIComponent(TOKEN)}`, "{}");
  await post(`${baseUrl}/waInstance%ff/noSuchMethod/${encodeURIComponent(TOKEN)}`, "{}");
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

let upstream: Upstream;
beforeAll(async () => {
  upstream = await startUpstream();
  // Out of the spec, echoing the path it was asked for: whatever is checked carries the token.
  upstream.answer = (request) => ({
    status: 200,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ path: request.url, unexpected: decodeSafely(request.url) }),
  });
});
afterAll(() => upstream?.close());

test("violations recorded by startMock({ proxy }) never hold the token", async () => {
  const proxy = await startMock({ proxy: upstream.url });
  try {
    await sendTraffic(proxy.url);
    const deadline = Date.now() + 5000;
    while (proxy.checked < 7 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(proxy.checked).toBe(7);
    expect(proxy.violations.length).toBeGreaterThan(0);
    expect(leaks(JSON.stringify(proxy.violations))).toEqual([]);
    expect(leaks(proxy.violations.map((violation) => violation.message).join("\n"))).toEqual([]);
  } finally {
    await proxy.close();
  }
});

function exited(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

test("greenspec-mock --proxy --verbose prints a line per violation and a summary, never the token", async () => {
  const child = spawn(
    process.execPath,
    [CLI, "--proxy", upstream.url, "--port", "0", "--verbose"],
    {
      stdio: "pipe",
    },
  );
  const output = collectOutput(child);
  const timer = setTimeout(() => child.kill("SIGKILL"), 25_000);
  try {
    const url = await printed(
      child,
      /^greenspec proxy listening on (http:\/\/127\.0\.0\.1:\d+)/m,
      25_000,
    );
    await sendTraffic(url);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stopped = exited(child);
    child.kill("SIGTERM");
    expect(await stopped).toBe(0);
  } finally {
    clearTimeout(timer);
  }
  const stdout = output.stdout();
  const violationLines = stdout.split("\n").filter((line) => line.startsWith("violation "));
  expect(violationLines.length).toBeGreaterThan(0);
  expect(
    violationLines.some((line) => line.startsWith(`violation ${operation.id} response:`)),
  ).toBe(true);
  expect(stdout).toMatch(/^summary: \d+ violations? \(/m);
  // Prism's own log lines are there too (--verbose), masked.
  expect(stdout).toMatch(/answered 200 by the upstream/);
  expect(leaks(stdout + output.stderr())).toEqual([]);
});

test("an upstream echoing the token in any case or cut gives violations without a piece of it", async () => {
  const secret = "d75b3a66374942c5b3c019c698abc2067e151558acbd412345";
  const proxy = await startMock({ proxy: upstream.url });
  const echoes = echoesOf(secret);
  try {
    for (const [, echo] of echoes) {
      upstream.answer = () => ({
        status: 200,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ [echo]: echo, unexpected: echo }),
      });
      const url = operationUrl(proxy.url, operation, { apiTokenInstance: secret });
      await fetch(url, {
        method: "POST",
        headers: { "content-type": operation.requestMediaType },
        body: JSON.stringify({ [echo]: echo }),
        signal: AbortSignal.timeout(5000),
      }).then((response) => response.arrayBuffer());
    }
    const deadline = Date.now() + 5000;
    while (proxy.checked < echoes.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(proxy.violations.length).toBeGreaterThan(0);
    expect(leakedPieces(secret, JSON.stringify(proxy.violations))).toEqual([]);
  } finally {
    await proxy.close();
  }
});
