#!/usr/bin/env node
// greenspec-emulator: serves the emulator on 127.0.0.1 until SIGINT or SIGTERM.
import { parseArgs } from "node:util";
import { CONTROL_PREFIX } from "./control.js";
import { startEmulator } from "./server.js";

const USAGE = `Usage: greenspec-emulator [--port 4020] [--clock real|manual] [--seed N] [--strict] [--quota N] [--allow-host NAME]

  --port    port on 127.0.0.1 (0 picks a free one)                   default 4020
  --clock   "real", or "manual" (time moves only through the controls) default real
  --seed    seed of the ids and links the emulator makes up           default 1
  --strict  only people added through the controls have WhatsApp
  --quota   calls per instance per month before 466                   default none
  --allow-host  a Host name to answer besides the loopback ones (repeatable)

Controls: ${CONTROL_PREFIX}/... (GET ${CONTROL_PREFIX} lists them).`;

function integer(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n))
    throw new Error(`${flag} must be an integer, got ${value}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "4020" },
      clock: { type: "string", default: "real" },
      seed: { type: "string" },
      strict: { type: "boolean", default: false },
      quota: { type: "string" },
      "allow-host": { type: "string", multiple: true },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = integer("--port", values.port) ?? 4020;
  if (port > 65535) throw new Error(`--port must be from 0 to 65535, got ${port}`);
  if (values.clock !== "real" && values.clock !== "manual")
    throw new Error(`--clock must be real or manual, got ${values.clock}`);
  const seed = integer("--seed", values.seed);
  const quota = integer("--quota", values.quota);
  const server = await startEmulator({
    port,
    clock: values.clock,
    strict: values.strict,
    ...(values["allow-host"] ? { allowedHosts: values["allow-host"] } : {}),
    ...(seed === undefined ? {} : { seed }),
    ...(quota === undefined ? {} : { quota }),
  });
  console.log(
    `greenspec emulator listening on ${server.url} (controls under ${server.url}${CONTROL_PREFIX})`,
  );
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`greenspec emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof Error && /must be/.test(error.message) ? 2 : 1);
});
