// Redoc's server-rendered HTML carries its interface text in English: the build puts it in the
// page's language with the rule the site script applies later (src/browser/
// interface-translator.js), so nothing English shows while the page is still loading.

/** Elements whose text is code or not text at all: left as they are. */
const KEEP = new Set(["script", "style", "textarea", "pre", "code"]);
/** Elements whose content is raw text: their end tag is searched for, not parsed. */
const RAW = new Set(["script", "style", "textarea"]);
/** The attributes a reader meets: read aloud, shown on hover, shown in an empty field. */
const ATTRIBUTE = /(\s(?:aria-label|title|placeholder)=")([^"]*)(")/g;
const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)([^>]*)>|[^<]+|</g;

const ENTITIES = /** @type {Record<string, string>} */ ({
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#x27;": "'",
  "&#39;": "'",
});
const decode = (/** @type {string} */ html) =>
  html.replace(/&(?:amp|lt|gt|quot|#x27|#39);/g, (entity) => ENTITIES[entity] ?? entity);
const encode = (/** @type {string} */ text) =>
  text.replace(/[&<>"']/g, (char) => `&#${/** @type {number} */ (char.codePointAt(0))};`);

/**
 * The page with every text node outside code, and every aria-label, title and placeholder,
 * translated where `translate` knows the text; everything else byte for byte as it was.
 * @param {string} html
 * @param {(value: string) => string | undefined} translate
 */
export function translatePrerendered(html, translate) {
  const swap = (/** @type {string} */ raw) => {
    const result = translate(decode(raw));
    return result === undefined || result === decode(raw) ? raw : encode(result);
  };
  const lower = html.toLowerCase();
  let kept = 0;
  let out = "";
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    const [token, closing, rawName, attributes] = match;
    const name = rawName?.toLowerCase();
    if (!name) {
      out += token.startsWith("<") || kept > 0 || !token.trim() ? token : swap(token);
      continue;
    }
    out += closing
      ? token
      : token.replace(ATTRIBUTE, (_, open, value, close) => open + swap(value) + close);
    if (closing || attributes?.trimEnd().endsWith("/")) {
      if (closing && KEEP.has(name)) kept = Math.max(0, kept - 1);
      continue;
    }
    if (RAW.has(name)) {
      // A raw-text element's content runs to its end tag, whatever it holds.
      const end = lower.indexOf(`</${name}`, TOKEN.lastIndex);
      const stop = end < 0 ? html.length : end;
      out += html.slice(TOKEN.lastIndex, stop);
      TOKEN.lastIndex = stop;
      kept++;
    } else if (KEEP.has(name)) kept++;
  }
  return out;
}
