import { spawn } from "node:child_process";
import { once } from "node:events";
import { get } from "node:http";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { builtPage } from "./built-pages.js";

const serveScript = fileURLToPath(new URL("../scripts/serve.mjs", import.meta.url));

function rawStatus(base: string, path: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base);
    get({ hostname, port, path, agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode);
    }).on("error", reject);
  });
}

describe("the serve script", () => {
  it.each(["SIGINT", "SIGTERM"] as const)(
    "serves the built site on loopback, prints its URL and stops on %s",
    async (signal) => {
      builtPage("en");
      const child = spawn(process.execPath, [serveScript, "--port", "0"], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      try {
        let output = "";
        child.stdout.setEncoding("utf8");
        const url = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 15_000);
          child.stdout.on("data", (chunk: string) => {
            output += chunk;
            const match = /greenspec docs on (http:\/\/127\.0\.0\.1:\d+)\/en\//.exec(output);
            if (match?.[1]) {
              clearTimeout(timer);
              resolve(match[1]);
            }
          });
        });
        for (const path of ["/en/", "/ru/"]) {
          const response = await fetch(`${url}${path}`);
          expect(response.status).toBe(200);
          expect(response.headers.get("content-type")).toContain("text/html");
          await response.arrayBuffer();
        }
        // A raw path climbing out of dist/ (fetch would normalise it away) finds nothing.
        expect(await rawStatus(url, "/../package.json")).toBe(404);
        expect(await rawStatus(url, "/%2e%2e/package.json")).toBe(404);
        const exited = once(child, "exit");
        child.kill(signal);
        const [code] = await exited;
        expect(code).toBe(0);
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      }
    },
  );
});
