// Bundles the spec and stamps info.version from this package's version, so the version is set in
// one place (package.json, which changesets bumps) and the published document always matches it.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parse } from "yaml";

const specDir = new URL("..", import.meta.url);
// The value openapi.yaml holds in info.version; it must never reach a bundle.
const PLACEHOLDER = "0.0.0-stamped-at-bundle";
const { version } = JSON.parse(readFileSync(new URL("package.json", specDir), "utf8"));
// Run Redocly's own entry with this Node, so the script works outside `pnpm run` too.
const redoclyManifest = createRequire(import.meta.url).resolve("@redocly/cli/package.json");
const redoclyBin = join(
  dirname(redoclyManifest),
  JSON.parse(readFileSync(redoclyManifest, "utf8")).bin.redocly,
);

const outputs = [
  { file: "dist/openapi.yaml", from: `version: ${PLACEHOLDER}`, to: `version: ${version}`, parse },
  {
    file: "dist/openapi.json",
    from: `"version": ${JSON.stringify(PLACEHOLDER)}`,
    to: `"version": ${JSON.stringify(version)}`,
    parse: JSON.parse,
  },
];

for (const { file, from, to, parse: read } of outputs) {
  const args = ["bundle", "openapi.yaml", "--config", "../redocly.yaml", "-o", file];
  const result = spawnSync(process.execPath, [redoclyBin, ...args], {
    cwd: specDir,
    stdio: "inherit",
  });
  if (result.error) fail(`could not run Redocly: ${result.error.message}`);
  if (result.status !== 0) fail(`redocly bundle exited with ${result.status ?? result.signal}`);

  const path = new URL(file, specDir);
  const text = readFileSync(path, "utf8");
  // Text replacement keeps the bundle byte-for-byte what Redocly wrote, except the version.
  const count = text.split(from).length - 1;
  if (count !== 1)
    fail(`${file}: expected the info.version placeholder once, found it ${count} times`);
  const stamped = text.replace(from, to);
  const stampedVersion = read(stamped)?.info?.version;
  if (stampedVersion !== version)
    fail(`${file}: info.version is ${stampedVersion}, not ${version}`);
  writeFileSync(path, stamped);
  console.log(`stamped info.version ${version} into ${file}`);
}

function fail(message) {
  console.error(`bundle: ${message}`);
  process.exit(1);
}
