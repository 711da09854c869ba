// Applies the Russian prose of i18n/ru.yaml to the one spec and audits it against that spec:
// what is untranslated, what points at nothing, what was translated from an older English text.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { setAt } from "./pointer.mjs";
import { collectProse, fingerprint } from "./prose.mjs";

export const translationsFile = new URL("../i18n/ru.yaml", import.meta.url);

/**
 * @typedef {{ ru: string, source: string }} Translation
 * @typedef {Map<string, Translation>} Translations keyed like ProseEntry.key
 * @typedef {import("./prose.mjs").ProseEntry} ProseEntry
 */

/** @returns {Translations} */
export function loadTranslations(file = translationsFile) {
  const raw = parse(readFileSync(file, "utf8")) ?? {};
  /** @type {Translations} */
  const translations = new Map();
  for (const [key, entry] of Object.entries(raw)) {
    if (!entry || typeof entry.ru !== "string" || typeof entry.source !== "string") {
      throw new Error(`${key} in ru.yaml needs a string \`ru\` and a string \`source\``);
    }
    translations.set(key, { ru: entry.ru, source: entry.source });
  }
  return translations;
}

/**
 * @typedef {object} Audit
 * @property {ProseEntry[]} missing English text with no translation
 * @property {string[]} stale keys that address no text of the spec
 * @property {ProseEntry[]} outdated translations made from another English text than the spec's
 * @property {{ key: string, reason: string }[]} invalid translations that cannot be right
 */

/**
 * @param {unknown} spec
 * @param {Translations} translations
 * @returns {Audit}
 */
export function auditTranslations(spec, translations) {
  const entries = collectProse(spec);
  const known = new Map(entries.map((entry) => [entry.key, entry]));
  /** @type {Audit} */
  const audit = { missing: [], stale: [], outdated: [], invalid: [] };
  for (const entry of entries) {
    const translation = translations.get(entry.key);
    if (!translation) audit.missing.push(entry);
    else if (translation.source !== fingerprint(entry.text)) audit.outdated.push(entry);
  }
  for (const [key, translation] of translations) {
    const entry = known.get(key);
    if (!entry) {
      audit.stale.push(key);
      continue;
    }
    if (!/\p{Script=Cyrillic}/u.test(translation.ru)) {
      audit.invalid.push({ key, reason: "has no Russian text" });
    }
    // Code spans carry identifiers, error texts and formats: a translation keeps every one.
    const want = codeSpans(entry.text);
    const got = codeSpans(translation.ru);
    if (want.join("\n") !== got.join("\n")) {
      audit.invalid.push({
        key,
        reason: `code spans differ: English [${want.join(", ")}], Russian [${got.join(", ")}]`,
      });
    }
  }
  return audit;
}

/** @param {Audit} audit */
export function isComplete(audit) {
  const { missing, stale, outdated, invalid } = audit;
  return missing.length + stale.length + outdated.length + invalid.length === 0;
}

/**
 * One line per problem, with what a translator needs to fix it.
 * @param {Audit} audit
 */
export function describeAudit(audit) {
  return [
    ...audit.missing.map(
      (entry) =>
        `missing  ${entry.key} (source ${fingerprint(entry.text)}): ${oneLine(entry.text)}`,
    ),
    ...audit.stale.map((key) => `stale    ${key}: addresses no text of the spec`),
    ...audit.outdated.map(
      (entry) =>
        `outdated ${entry.key} (source now ${fingerprint(entry.text)}): ${oneLine(entry.text)}`,
    ),
    ...audit.invalid.map(({ key, reason }) => `invalid  ${key}: ${reason}`),
  ].join("\n");
}

/**
 * A deep copy of the spec with every translated text replaced by its Russian version.
 * @template T
 * @param {T} spec
 * @param {Translations} translations
 * @returns {T}
 */
export function translateSpec(spec, translations) {
  const copy = structuredClone(spec);
  for (const entry of collectProse(spec)) {
    const translation = translations.get(entry.key);
    if (translation) setAt(copy, entry.displayName ?? entry.pointer, translation.ru);
  }
  return copy;
}

/** @param {string} text */
function codeSpans(text) {
  return [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? "").sort();
}

/** @param {string} text */
function oneLine(text) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 100 ? `${flat.slice(0, 97)}...` : flat;
}
