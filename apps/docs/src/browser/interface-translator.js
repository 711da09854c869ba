// Redoc's hard-coded interface text in the page's language: one rule, used by the site script on
// the live page and by the build on the server-rendered HTML (so a Russian reader meets no
// English before the script runs).

/** One identifier, perhaps with its type: "ChatId", "LidId (string)". */
const IDENTIFIER = /^[\w.@<>-]+(?: \([\w.@<>-]+\))?$/;

/**
 * The translation of a whole text, of its known opening words, or of the word that joins
 * identifiers; undefined when none applies.
 * @param {{ text?: Record<string, string>, prefixes?: Record<string, string>, joins?: Record<string, string> }} data
 * @returns {((value: string) => string | undefined) | undefined} undefined when there is nothing to translate
 */
export function interfaceTranslator(data) {
  const text = data.text ?? {};
  const prefixes = Object.entries(data.prefixes ?? {});
  const joins = Object.entries(data.joins ?? {});
  if (Object.keys(text).length === 0 && prefixes.length === 0 && joins.length === 0) return;
  return (value) => {
    const key = value.trim();
    if (Object.hasOwn(text, key)) return value.replace(key, String(text[key]));
    const prefix = prefixes.find(([english]) => key.startsWith(english));
    if (prefix) return value.replace(prefix[0], prefix[1]);
    // Identifiers joined by a word ("ChatId (string) or LidId (string)"): only the word changes.
    const join = joins.find(
      ([english]) =>
        key.includes(english) && key.split(english).every((part) => IDENTIFIER.test(part.trim())),
    );
    return join ? value.replaceAll(join[0], join[1]) : undefined;
  };
}
