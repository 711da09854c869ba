// `pnpm pack:all`: builds every public package and packs each one, as `pnpm publish` would, into
// packs/, so `npm install <checkout>/packs/*.tgz` installs them into any project.
// `--out DIR` packs elsewhere; `--no-build` skips the build (a caller that built them already).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const out = outAt >= 0 ? resolve(args[outAt + 1] ?? "") : join(root, "packs");
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off" };

// Every workspace package not marked private; the spec is installed by all the others.
const dirs = ["spec", ...readdirSync(join(root, "packages")).map((name) => `packages/${name}`)];
const publicPackages = dirs
  .filter((dir) => existsSync(join(root, dir, "package.json")))
  .map((dir) => ({
    dir,
    manifest: JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")),
  }))
  .filter(({ manifest }) => manifest.private !== true);

const run = (command, cwd) => {
  const done = spawnSync("pnpm", command, { cwd, stdio: ["ignore", "pipe", "inherit"], env });
  if (done.error) throw done.error;
  if (done.status !== 0) {
    process.stdout.write(done.stdout);
    process.exit(done.status ?? 1);
  }
  return done.stdout.toString();
};

const filters = publicPackages.map(({ manifest }) => `--filter=${manifest.name}`);
if (!args.includes("--no-build"))
  process.stdout.write(
    run(["exec", "turbo", "run", "build", "--output-logs=errors-only", ...filters], root),
  );

// Only this run's tarballs: an older version left beside them would be installed too.
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const { dir } of publicPackages) {
  const { filename } = JSON.parse(
    run(["pack", "--pack-destination", out, "--json"], join(root, dir)),
  );
  console.log(filename);
}
console.log(`packed ${publicPackages.length} packages into ${out}`);
