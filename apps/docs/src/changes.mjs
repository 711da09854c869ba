// The "Changes" section of the guide, generated from the changesets changelog: every
// CHANGELOG.md that `changeset version` wrote (one per package, versions fixed together) and
// the changesets not released yet (.changeset/*.md), newest first.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** The headings of the section in each language. */
const WORDS = {
  en: { title: "Changes", pending: "Not released yet", none: "No release yet." },
  ru: { title: "Изменения", pending: "Ещё не выпущено", none: "Выпусков пока нет." },
};

/**
 * @typedef {{ version: string, entries: { package: string, bump: string, text: string }[] }} Release
 */

/**
 * Releases per version from CHANGELOG.md texts (changesets' format: `# name`, `## version`,
 * `### Minor Changes`, `- hash: text`).
 * @param {{ package: string, text: string }[]} changelogs
 * @returns {Release[]}
 */
export function parseChangelogs(changelogs) {
  /** @type {Map<string, Release>} */
  const releases = new Map();
  for (const { package: name, text } of changelogs) {
    let version = "";
    let bump = "";
    /** @type {{ package: string, bump: string, text: string } | undefined} */
    let current;
    for (const line of text.split("\n")) {
      const versionMatch = /^## (\S+)/.exec(line);
      const bumpMatch = /^### (\w+) Changes/.exec(line);
      const itemMatch = /^- (?:[0-9a-f]{7,40}: )?(.*)$/.exec(line);
      if (versionMatch?.[1]) {
        version = versionMatch[1];
        current = undefined;
      } else if (bumpMatch?.[1]) {
        bump = bumpMatch[1].toLowerCase();
        current = undefined;
      } else if (itemMatch && version) {
        current = { package: name, bump, text: itemMatch[1] ?? "" };
        const release = releases.get(version) ?? { version, entries: [] };
        releases.set(version, release);
        release.entries.push(current);
      } else if (current && /^\s{2,}\S/.test(line)) {
        current.text += ` ${line.trim()}`;
      }
    }
  }
  return [...releases.values()].sort((a, b) => compareVersions(b.version, a.version));
}

/**
 * Pending changesets: a front matter of `"package": bump` lines, then the summary.
 * @param {string[]} texts
 */
export function parseChangesets(texts) {
  return texts.flatMap((text) => {
    const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text.replaceAll("\r\n", "\n"));
    if (!match) return [];
    const summary = (match[2] ?? "").trim().replace(/\s*\n\s*/g, " ");
    return [...(match[1] ?? "").matchAll(/^["']?([^"':]+)["']?:\s*(\w+)/gm)].map((bump) => ({
      package: bump[1] ?? "",
      bump: bump[2] ?? "",
      text: summary,
    }));
  });
}

/** @param {string} a @param {string} b */
function compareVersions(a, b) {
  const parts = (/** @type {string} */ v) =>
    v.split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const difference = (x[i] ?? 0) - (y[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * The section's markdown in one language.
 * @param {"en" | "ru"} code
 * @param {{ releases: Release[], pending: Release["entries"] }} changes
 */
export function changesMarkdown(code, { releases, pending }) {
  const words = WORDS[code];
  const item = (/** @type {Release["entries"][number]} */ entry) =>
    `- \`${entry.package}\`${entry.bump ? ` (${entry.bump})` : ""}: ${entry.text}`;
  const blocks = [`## ${words.title} {% #changes %}`];
  if (pending.length > 0) blocks.push(`### ${words.pending}`, pending.map(item).join("\n"));
  for (const release of releases) {
    blocks.push(`### ${release.version}`, release.entries.map(item).join("\n"));
  }
  if (pending.length === 0 && releases.length === 0) blocks.push(words.none);
  return `${blocks.join("\n\n")}\n`;
}

/** The changelogs and pending changesets of this repository. */
export function readChanges(root = repoRoot) {
  const changelogs = [];
  for (const folder of ["packages", "apps"]) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const file = join(dir, name, "CHANGELOG.md");
      if (!existsSync(file)) continue;
      const text = readFileSync(file, "utf8");
      const title = /^# (.+)$/m.exec(text)?.[1] ?? name;
      changelogs.push({ package: title, text });
    }
  }
  const changesetDir = join(root, ".changeset");
  const changesets = existsSync(changesetDir)
    ? readdirSync(changesetDir)
        .filter((name) => name.endsWith(".md") && name !== "README.md")
        .sort()
        .map((name) => readFileSync(join(changesetDir, name), "utf8"))
    : [];
  return { releases: parseChangelogs(changelogs), pending: parseChangesets(changesets) };
}
