// The README's run command: build everything, then serve the mock, the emulator and the docs until
// Ctrl-C.
import { spawn, spawnSync } from "node:child_process";

const root = new URL("..", import.meta.url).pathname;
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off" };

const build = spawnSync("pnpm", ["exec", "turbo", "run", "build"], {
  cwd: root,
  stdio: "inherit",
  env,
});
if (build.status !== 0) process.exit(build.status ?? 1);

const services = [
  ["packages/mock/dist/cli.js", "--port", "4010"],
  ["packages/emulator/dist/cli.js", "--port", "4020"],
  ["apps/docs/scripts/serve.mjs", "--port", "8080"],
].map((args) => spawn(process.execPath, args, { cwd: root, stdio: "inherit", env }));

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of services) child.kill("SIGTERM");
  process.exitCode = code;
}
for (const child of services) child.on("exit", (code) => stop(code ?? 1));
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
