// Builds the reference site into dist/: one Redoc page per language, rendered from the bundled
// spec, that loads nothing from outside the machine it is served from. Redoc's JavaScript and
// the site's script are shared, hashed files in dist/assets/ (cached for good, downloaded once
// for both languages); every text file gets precompressed .br and .gz copies.
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
import { build as esbuild } from "esbuild";
import { stringify } from "yaml";
import { interfaceTranslator } from "../src/browser/interface-translator.js";
import { precompress } from "../src/compress.mjs";
import { faviconIco } from "../src/favicon.mjs";
import { takeRedocStyles } from "../src/first-paint.mjs";
import { loadInterfaceText } from "../src/interface-text.mjs";
import { inlineCdnImages } from "../src/offline.mjs";
import {
  firstRequestExample,
  listOperations,
  requestExamples,
  resolve,
} from "../src/operations.mjs";
import { translatePrerendered } from "../src/prerendered-text.mjs";
import { operationPreviews } from "../src/preview.mjs";
import { hashedName, splitRedocBundle } from "../src/redoc-bundle.mjs";
import { exampleSamples } from "../src/samples.mjs";
import { searchSections } from "../src/search-sections.mjs";
import {
  DOWNLOADS,
  LANGUAGES,
  loadSpec,
  localizedSpec,
  redocOptions,
  specFile,
} from "../src/site.mjs";
import { loadTranslations, translateSpec } from "../src/translation.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
const redoclyCli = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
const started = performance.now();
// Where each page imports Redoc's module from, filled in once the module's hash is known.
const MODULE_PLACEHOLDER = "greenspec:redoc-module";
const MODULE_PLACEHOLDER_JSON = JSON.stringify(MODULE_PLACEHOLDER);

if (!existsSync(specFile)) {
  console.error(`no bundled spec at ${specFile}: run \`pnpm generate\` first`);
  process.exit(1);
}
const spec = loadSpec();
const work = mkdtempSync(join(tmpdir(), "greenspec-docs-"));
rmSync(dist, { recursive: true, force: true });

try {
  const built = await Promise.all(
    LANGUAGES.map(async ({ code }) => {
      const other = LANGUAGES.find((language) => language.code !== code);
      if (!other) throw new Error("the site needs a second language to link to");
      const input = join(work, `${code}.json`);
      const output = join(work, `${code}.html`);
      const localized = localizedSpec(spec, code);
      writeFileSync(input, JSON.stringify(localized));
      await run(process.execPath, [
        redoclyCli,
        "build-docs",
        input,
        "--inlineBundle",
        `--output=${output}`,
        `--config=${join(root, "redocly.yaml")}`,
        `--template=${join(root, "template.hbs")}`,
        `--openapi=${JSON.stringify(redocOptions(code))}`,
        `--templateOptions.lang=${code}`,
        `--templateOptions.otherLang=${other.code}`,
        `--templateOptions.otherHref=../${other.code}/`,
        `--templateOptions.otherLabel=${other.label}`,
      ]);
      const html = inlineCdnImages(readFileSync(output, "utf8"));
      return { code, other, localized, ...splitRedocBundle(html, MODULE_PLACEHOLDER) };
    }),
  );
  const [first] = built;
  if (!first || built.some(({ bundle }) => bundle !== first.bundle)) {
    throw new Error("Redoc's module differs between languages: it can no longer be shared");
  }
  mkdirSync(join(dist, "assets"), { recursive: true });
  const redocModule = hashedName("redoc", ".js", first.bundle);
  writeFileSync(join(dist, "assets", redocModule), first.bundle);
  // The site script and the translator it shares with the build, as one classic script.
  const siteScriptSource = (
    await esbuild({
      entryPoints: [join(root, "src", "browser", "site.js")],
      bundle: true,
      format: "iife",
      target: "es2022",
      write: false,
      logLevel: "silent",
    })
  ).outputFiles[0]?.text;
  if (!siteScriptSource) throw new Error("esbuild wrote no site script");
  const siteScript = hashedName("site", ".js", siteScriptSource);
  writeFileSync(join(dist, "assets", siteScript), siteScriptSource);

  const pages = built.map(({ code, other, localized, page }) => {
    // Only what the first paint needs comes before the linked operation's preview: Redoc's
    // styles, its module (evaluated after that paint) and the page's data (read by the
    // deferred site script) come after it.
    const { page: unstyled, styles } = takeRedocStyles(page);
    const head = `<script defer src="../assets/${siteScript}"></script>`;
    const afterPreview = `${styles}\n  <link rel="modulepreload" href="../assets/${redocModule}">`;
    const interfaceText = code === "en" ? undefined : loadInterfaceText(code);
    const data = pageData(code, other.code, localized, interfaceText);
    const end = `<script id="greenspec-page" type="application/json">${jsonInHtml(data)}</script>`;
    /** @type {Record<string, string>} */
    const text = interfaceText?.text ?? {};
    const label = (/** @type {string} */ english) => text[english] ?? english;
    // Redoc's server-rendered English, in the page's language before any script runs.
    const translate = interfaceText && interfaceTranslator(interfaceText);
    const html = (translate ? translatePrerendered(unstyled, translate) : unstyled)
      .replace("<!--greenspec:head-->", head)
      .replace("<!--greenspec:body-->", () => operationPreviews(localized, label) + afterPreview)
      .replace("<!--greenspec:end-->", () => end)
      .replace(MODULE_PLACEHOLDER_JSON, JSON.stringify(`../assets/${redocModule}`));
    if (html.includes(MODULE_PLACEHOLDER) || html.includes("<!--greenspec:"))
      throw new Error("the page still holds a placeholder");
    const file = join(dist, code, "index.html");
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, html);
    return { code, bytes: statSync(file).size };
  });
  for (const name of ["openapi.json", "openapi.yaml"]) {
    copyFileSync(join(dirname(specFile), name), join(dist, name));
  }
  // Every other language's page offers the spec with its prose translated.
  const translated = translateSpec(spec, loadTranslations());
  for (const { code } of LANGUAGES.slice(1)) {
    for (const { file } of DOWNLOADS) {
      const text = file.endsWith(".json")
        ? `${JSON.stringify(translated, null, 2)}\n`
        : stringify(translated, { lineWidth: 0 });
      writeFileSync(join(dist, code, file), text);
    }
  }
  writeFileSync(join(dist, "index.html"), rootPage());
  writeFileSync(join(dist, "favicon.ico"), faviconIco());
  const sizes = precompress(dist);
  for (const { code, bytes } of pages) console.log(`dist/${code}/index.html  ${bytes} bytes`);
  for (const [name, { raw, br, gzip }] of sizes) {
    if (name.endsWith(".html") || name.startsWith("assets")) {
      console.log(`  ${name}: ${raw} bytes, ${br} br, ${gzip} gzip`);
    }
  }
  console.log(`built the reference in ${Math.round(performance.now() - started)} ms`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/**
 * What the site script needs on one page: where the other language is, the interface text of
 * this language, the code sample of every request example, and the description's sections for
 * the search index.
 * @param {string} code
 * @param {string} otherCode
 * @param {import("../src/operations.mjs").Json} localized
 * @param {ReturnType<typeof loadInterfaceText> | undefined} interfaceText none for English
 */
function pageData(code, otherCode, localized, interfaceText) {
  /** @type {Record<string, Record<string, string>>} */
  const samples = {};
  for (const entry of listOperations(localized)) {
    const examples = exampleSamples(localized, entry);
    const [defaults] = examples;
    if (!defaults || examples.length < 2) continue;
    for (const [index, sample] of defaults.samples.entries()) {
      samples[sample.source] = Object.fromEntries(
        examples.map(({ key, samples: others }) => [key, others[index]?.source ?? sample.source]),
      );
    }
  }
  const { labels, text, prefixes, joins } = interfaceText ?? {
    labels: {},
    text: {},
    prefixes: {},
    joins: {},
  };
  return {
    lang: code,
    otherHref: `../${otherCode}/`,
    labels,
    text,
    prefixes,
    joins,
    samples,
    branchExamples: branchExamples(localized),
    search: searchSections(String(localized.info.description ?? "")),
  };
}

/**
 * For each request-body oneOf branch title, the summaries of the examples that fit it (they
 * carry every field the branch requires), so picking a branch picks its example's sample.
 * @param {import("../src/operations.mjs").Json} localized
 * @returns {Record<string, string[]>}
 */
function branchExamples(localized) {
  /** @type {Record<string, string[]>} */
  const map = {};
  for (const { operation } of listOperations(localized)) {
    const schema = firstRequestExample(localized, operation)?.schema;
    const examples = requestExamples(localized, operation);
    for (const raw of schema?.oneOf ?? []) {
      const branch = resolve(localized, raw);
      if (typeof branch?.title !== "string") continue;
      const required = /** @type {string[]} */ (branch.required ?? []);
      const fitting = examples.filter(
        ({ value, summary }) =>
          summary !== undefined &&
          value !== null &&
          typeof value === "object" &&
          required.every((field) => Object.hasOwn(value, field)),
      );
      const list = map[branch.title] ?? [];
      map[branch.title] = list;
      for (const { summary } of fitting) if (summary && !list.includes(summary)) list.push(summary);
    }
  }
  return map;
}

/** @param {unknown} value JSON that stays JSON inside a <script> element. */
function jsonInHtml(value) {
  return JSON.stringify(value).replaceAll("<", "\\u003c");
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
  <link rel="icon" href="favicon.ico" sizes="16x16">
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
