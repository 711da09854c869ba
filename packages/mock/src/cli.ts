#!/usr/bin/env node
// greenspec-mock: serves the greenspec document with Prism until SIGINT or SIGTERM.
import { parseArgs } from "node:util";
import type { ProxyViolation } from "./prism-server.js";

const USAGE = `Usage: greenspec-mock [--port 4010] [--host 127.0.0.1] [--spec path] [--verbose]
       greenspec-mock --proxy URL [--record FILE] [--port 4010] [--host 127.0.0.1] [--spec path]

  --port     port to listen on (0 picks a free one)         default 4010
  --host     interface to listen on                         default 127.0.0.1
  --spec     OpenAPI document to serve                      default the bundled greenspec document
  --verbose  print Prism's request log (JSON lines) to stdout
  --proxy    check a real service: pass every request on to URL and every answer back
             unchanged, print one line per disagreement with the spec, a summary on exit
  --record   with --proxy: append every answer to FILE in the format of the spec's
             recordings, the token masked and phone numbers made up`;

const STOP_GRACE_MS = 2000;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "4010" },
      host: { type: "string", default: "127.0.0.1" },
      spec: { type: "string" },
      verbose: { type: "boolean", default: false },
      proxy: { type: "string" },
      record: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be an integer from 0 to 65535, got ${values.port}`);
  }
  if (values.record !== undefined && !values.proxy)
    throw new Error("--record needs --proxy: it records the real service's answers");
  // Loaded after the flags are checked, so --help and a bad flag answer without loading Prism.
  const { bundledSpecPath, listenPrism, listenProxy } = await import("./prism-server.js");
  const { formatViolation, summarize } = await import("./violation-report.js");
  const settings = {
    spec: values.spec ?? bundledSpecPath(),
    port,
    host: values.host,
    logLevel: values.verbose ? ("info" as const) : ("silent" as const),
  };
  const violations: ProxyViolation[] = [];
  const server = values.proxy
    ? await listenProxy({
        ...settings,
        upstream: values.proxy,
        record: values.record,
        onViolation: (violation) => {
          violations.push(violation);
          console.log(formatViolation(violation));
        },
      })
    : await listenPrism(settings);
  console.log(
    values.proxy
      ? `greenspec proxy listening on ${server.url}, checking ${new URL(values.proxy).origin} against the spec`
      : `greenspec mock listening on ${server.url}`,
  );

  const stop = async (): Promise<void> => {
    // An open keep-alive request must not hold the exit up: stop waiting after a grace period.
    await Promise.race([
      server.close(),
      new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS)),
    ]);
    if (values.proxy) console.log(summarize(violations));
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`greenspec mock: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
