// `pnpm pack:all`: builds every public package and packs each one, as `pnpm publish` would, into
// packs/, so `npm install <checkout>/packs/*.tgz` installs them into any project.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const out = join(root, process.argv[2] ?? "packs");
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

const run = (args, cwd) => {
  const done = spawnSync("pnpm", args, { cwd, stdio: ["ignore", "pipe", "inherit"], env });
  if (done.status !== 0) {
    process.stdout.write(done.stdout);
    process.exit(done.status ?? 1);
  }
  return done.stdout.toString();
};

const filters = publicPackages.map(({ manifest }) => `--filter=${manifest.name}`);
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
