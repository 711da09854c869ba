// Serves the built reference site on loopback until SIGINT or SIGTERM.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startStaticServer } from "../src/static-server.mjs";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8080" },
    host: { type: "string", default: "127.0.0.1" },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be an integer from 0 to 65535, got ${values.port}`);
  process.exit(1);
}
const root = fileURLToPath(new URL("../dist", import.meta.url));
if (!existsSync(root)) {
  console.error("no dist/ to serve: run `pnpm --filter @greenspec/docs build` first");
  process.exit(1);
}

const server = await startStaticServer({ root, port, host: values.host }).catch((error) => {
  console.error(`greenspec docs: cannot listen on ${values.host}:${port}: ${error.message}`);
  process.exit(1);
});
console.log(`greenspec docs on ${server.url}/en/ (Русский: ${server.url}/ru/)`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
