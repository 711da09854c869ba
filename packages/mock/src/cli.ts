#!/usr/bin/env node
// greenspec-mock: serves the greenspec document with Prism until SIGINT or SIGTERM.
import { parseArgs } from "node:util";

const USAGE = `Usage: greenspec-mock [--port 4010] [--host 127.0.0.1] [--spec path] [--verbose]

  --port     port to listen on (0 picks a free one)         default 4010
  --host     interface to listen on                         default 127.0.0.1
  --spec     OpenAPI document to serve                      default the bundled greenspec document
  --verbose  print Prism's request log (JSON lines) to stdout`;

const STOP_GRACE_MS = 2000;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "4010" },
      host: { type: "string", default: "127.0.0.1" },
      spec: { type: "string" },
      verbose: { type: "boolean", default: false },
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
  // Loaded after the flags are checked, so --help and a bad flag answer without loading Prism.
  const { bundledSpecPath, listenPrism } = await import("./prism-server.js");
  const server = await listenPrism({
    spec: values.spec ?? bundledSpecPath(),
    port,
    host: values.host,
    logLevel: values.verbose ? "info" : "silent",
  });
  console.log(`greenspec mock listening on ${server.url}`);

  const stop = async (): Promise<void> => {
    // An open keep-alive request must not hold the exit up: stop waiting after a grace period.
    await Promise.race([
      server.close(),
      new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS)),
    ]);
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`greenspec mock: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
