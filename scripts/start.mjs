// The README's run command: build everything, then serve the mock, the emulator and the docs until
// Ctrl-C (or until this process, or whatever started it, is stopped).
import { spawnSync } from "node:child_process";
import { supervise } from "./supervise.mjs";

const root = new URL("..", import.meta.url).pathname;
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off" };

const build = spawnSync("pnpm", ["exec", "turbo", "run", "build"], {
  cwd: root,
  stdio: "inherit",
  env,
});
if (build.status !== 0) process.exit(build.status ?? 1);

supervise(
  [
    ["packages/mock/dist/cli.js", "--port", "4010"],
    ["packages/emulator/dist/cli.js", "--port", "4020"],
    ["apps/docs/scripts/serve.mjs", "--port", "8080"],
  ],
  { cwd: root, env },
);
