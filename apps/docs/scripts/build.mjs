// Builds the reference site into dist/: one self-contained Redoc page per language, rendered
// from the bundled spec, that loads nothing from outside the machine it is served from.
import { spawn } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { inlineCdnImages } from "../src/offline.mjs";
import { LANGUAGES, loadSpec, localizedSpec, redocOptions, specFile } from "../src/site.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
const redoclyCli = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
const started = performance.now();

if (!existsSync(specFile)) {
  console.error(`no bundled spec at ${specFile}: run \`pnpm generate\` first`);
  process.exit(1);
}
const spec = loadSpec();
const work = mkdtempSync(join(tmpdir(), "greenspec-docs-"));
rmSync(dist, { recursive: true, force: true });

try {
  const pages = await Promise.all(
    LANGUAGES.map(async ({ code }) => {
      const other = LANGUAGES.find((language) => language.code !== code);
      if (!other) throw new Error("the site needs a second language to link to");
      const input = join(work, `${code}.json`);
      const output = join(work, `${code}.html`);
      writeFileSync(input, JSON.stringify(localizedSpec(spec, code)));
      await run(process.execPath, [
        redoclyCli,
        "build-docs",
        input,
        "--inlineBundle",
        `--output=${output}`,
        `--config=${join(root, "redocly.yaml")}`,
        `--template=${join(root, "template.hbs")}`,
        `--openapi=${JSON.stringify(redocOptions())}`,
        `--templateOptions.lang=${code}`,
        `--templateOptions.otherLang=${other.code}`,
        `--templateOptions.otherHref=../${other.code}/`,
        `--templateOptions.otherLabel=${other.label}`,
      ]);
      const html = inlineCdnImages(readFileSync(output, "utf8"));
      const page = join(dist, code, "index.html");
      mkdirSync(dirname(page), { recursive: true });
      writeFileSync(page, html);
      return { code, page, bytes: statSync(page).size };
    }),
  );
  for (const name of ["openapi.json", "openapi.yaml"]) {
    copyFileSync(join(dirname(specFile), name), join(dist, name));
  }
  writeFileSync(join(dist, "index.html"), rootPage());
  for (const { code, bytes } of pages) console.log(`dist/${code}/index.html  ${bytes} bytes`);
  console.log(`built the reference in ${Math.round(performance.now() - started)} ms`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The root page: sends readers to the default language and links every language. */
function rootPage() {
  const [first] = LANGUAGES;
  const links = LANGUAGES.map(
    ({ code, label }) => `<li><a href="${code}/" hreflang="${code}">${label}</a></li>`,
  );
  return `<!DOCTYPE html>
<html lang="${first?.code}">
<head>
  <meta charset="utf-8">
  <title>${spec.info.title}</title>
  <meta http-equiv="refresh" content="0; url=${first?.code}/">
</head>
<body>
  <ul>
    ${links.join("\n    ")}
  </ul>
</body>
</html>
`;
}

/**
 * Runs a command, keeping its chatter unless it fails.
 * @param {string} command
 * @param {string[]} args
 */
function run(command, args) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("error", reject);
    child.once("close", (code) => {
      if (code === 0) resolvePromise(undefined);
      else reject(new Error(`redocly build-docs failed (exit ${code}):\n${output}`));
    });
  });
}
