import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";
import { build } from "esbuild";
import { expect, it } from "vitest";

const entry = fileURLToPath(new URL("../dist/browser.js", import.meta.url));

it("bundles for the browser with no Node built-in, and the bundle runs with web globals only", async () => {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: "browser",
    format: "iife",
    globalName: "greenspecEmulator",
    write: false,
    metafile: true,
    logLevel: "silent",
    // A browser module has a URL of its own; an IIFE bundle needs it spelled out.
    define: { "import.meta.url": '"https://example.test/emulator.js"' },
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.filter((path) => /^node:|^(fs|http|net|path|url|util|module)$/.test(path))).toEqual(
    [],
  );
  const code = result.outputFiles[0]?.text ?? "";
  // A context with the web platform's globals and none of Node's (no process, require, Buffer).
  const web = {
    Request,
    Response,
    Headers,
    FormData,
    Blob,
    URL,
    TextEncoder,
    TextDecoder,
    AbortController,
    setTimeout,
    clearTimeout,
    console,
    structuredClone,
  };
  const context: Record<string, unknown> = { ...web };
  runInNewContext(`${code};globalThis.out = greenspecEmulator;`, context);
  const { createEmulator } = context.out as typeof import("../src/index.js");
  const emulator = createEmulator();
  const response = await emulator.fetch("http://emulator.test/waInstance1/createGroup/token", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ groupName: "In a browser", chatIds: ["79001234568@c.us"] }),
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ created: true });
});
