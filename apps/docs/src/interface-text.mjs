// Redoc's interface text in the site's other languages (i18n/interface.<code>.yaml): `labels`
// by Redoc's translation key, `text` by the English text Redoc hard-codes. The page's script
// applies both; a test scans the Russian page for English left over.
import { readFileSync } from "node:fs";
import { parse } from "yaml";

/**
 * @param {string} code
 * @returns {{ labels: Record<string, string>, text: Record<string, string>, prefixes: Record<string, string>, joins: Record<string, string> }}
 */
export function loadInterfaceText(code) {
  const file = new URL(`../i18n/interface.${code}.yaml`, import.meta.url);
  const parsed = parse(readFileSync(file, "utf8")) ?? {};
  return {
    labels: parsed.labels ?? {},
    text: parsed.text ?? {},
    prefixes: parsed.prefixes ?? {},
    joins: parsed.joins ?? {},
  };
}
