// Redoc's JavaScript is the same on every language's page: the build moves it out of each page
// into one hashed, cacheable module, and patches the two places the site needs a say in.
// Every patch throws when its anchor is gone, so a Redoc upgrade is noticed, not silently lost.
import { createHash } from "node:crypto";

const MODULE_OPEN = '<script type="module">';
const DEFINITION = "const __redoc_definition";
const AFTER_FIRST_PAINT =
  "await new Promise((done) => { requestAnimationFrame(() => setTimeout(done)); setTimeout(done, 200); });\n";

/**
 * Splits a page built with --inlineBundle into Redoc's module and the page that imports it.
 * @param {string} html
 * @param {string} moduleUrl where the page will find the module (relative to the page)
 */
export function splitRedocBundle(html, moduleUrl) {
  const open = html.indexOf(MODULE_OPEN);
  const definition = html.indexOf(DEFINITION, open);
  if (open < 0 || definition < 0) throw new Error("the built page holds no inline Redoc module");
  const bundle = html.slice(open + MODULE_OPEN.length, definition);
  if (!/export\s*\{[^}]*\bhydrate\b[^}]*\};?\s*$/.test(bundle)) {
    throw new Error("Redoc's inline module no longer exports hydrate: recheck");
  }
  // Redoc's module (preloaded) is evaluated only after the page has painted once: evaluating it
  // takes seconds on a slow CPU, and the server-rendered page (and the linked operation's static
  // preview) should be on screen meanwhile. A hidden tab paints no frame: the timer stands in.
  const page = `${html.slice(0, open)}${MODULE_OPEN}${AFTER_FIRST_PAINT}const { hydrate } = await import(${JSON.stringify(moduleUrl)});\n${html.slice(definition)}`;
  return { bundle: patchBundle(bundle.trim()), page };
}

/** The file name of an asset: its stem and the first hex digits of its content's hash. */
export function hashedName(
  /** @type {string} */ stem,
  /** @type {string} */ extension,
  /** @type {string | Buffer} */ content,
) {
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 12);
  return `${stem}.${hash}${extension}`;
}

/**
 * The patches, each an anchor (a regular expression with named groups) and its replacement.
 * - sampleForExample: the code sample follows the request example the reader picks (in the
 *   example menu or the body's oneOf tabs); the page says which source each example has.
 * - translate: Redoc's translation hook asks the page's labels first (Russian on /ru/).
 * - pageActions: only the "Copy" action; the others open outside services.
 * - searchDocuments: the page may rework the search index's documents before they are indexed
 *   (Redoc indexes the whole description as one document; the page splits it by section).
 */
const PATCHES = [
  {
    name: "sampleForExample",
    anchor:
      /let (?<found>[\w$]+)=(?<samples>[\w$]+)\?\.find\((?<arg>[\w$]+)=>(?<key>[\w$]+)\(\k<arg>\)===(?<lang>[\w$]+)\);return \k<found>\?\k<found>\.source:(?<rest>`\/\/ \$\{(?<t>[\w$]+)\(`unsupportedLanguage`,`Language is not supported\.`\)\}`\},)\[\k<lang>,\k<samples>,\k<t>\]\)/,
    // The picked example's key, and the payload shown (it follows the body's oneOf tabs).
    before: [
      /,(?<example>[\w$]+)=[\w$]+\?[\w$]+\[[\w$]+\]\?\.key\?\?[\w$]+:void 0,/,
      /,(?<payload>[\w$]+)=\(0,[\w$]+\.useMemo\)\(\(\)=>(?<shown>[\w$]+),\[\k<shown>\]\),/,
    ],
    replace: (/** @type {Record<string, string>} */ g) =>
      `let ${g.found}=${g.samples}?.find(${g.arg}=>${g.key}(${g.arg})===${g.lang});return ${g.found}?(globalThis.greenspec?.sampleFor?.(${g.found}.source,${g.example},${g.payload})??${g.found}.source):${g.rest}[${g.lang},${g.samples},${g.t},${g.example},${g.payload}])`,
  },
  {
    name: "translate",
    anchor:
      /useTranslate:\(\)=>\(\{translate:\((?<k>[\w$]+),(?<d>[\w$]+)\)=>\(typeof \k<d>==`string`\?\k<d>:\k<d>\?\.defaultValue\)\|\|\k<k>\|\|``\}\)/,
    replace: (/** @type {Record<string, string>} */ g) =>
      `useTranslate:()=>({translate:(${g.k},${g.d})=>globalThis.greenspec?.translate?.(${g.k},typeof ${g.d}==\`string\`?${g.d}:${g.d}?.defaultValue)??((typeof ${g.d}==\`string\`?${g.d}:${g.d}?.defaultValue)||${g.k}||\`\`)})`,
  },
  {
    name: "pageActions",
    anchor:
      /if\(![\w$]+\.specUrl\)return(?<rest>\(0,[\w$]+\.jsx\)\([\w$]+,\{"data-testid":`page-actions`)/,
    replace: (/** @type {Record<string, string>} */ g) => `if(!0)return${g.rest}`,
  },
  {
    name: "searchDocuments",
    anchor:
      /let (?<docs>[\w$]+)=(?<indexer>[\w$]+)\.getResult\(\),(?<index>[\w$]+)=new (?<Index>[\w$]+);for\(let (?<doc>[\w$]+) of \k<docs>\)\k<index>\.addDocument\(\k<doc>\)/,
    replace: (/** @type {Record<string, string>} */ g) =>
      `let ${g.docs}=globalThis.greenspec?.searchDocuments?.(${g.indexer}.getResult())??${g.indexer}.getResult(),${g.index}=new ${g.Index};for(let ${g.doc} of ${g.docs})${g.index}.addDocument(${g.doc})`,
  },
];

/**
 * @param {string} bundle
 * @returns {string}
 */
export function patchBundle(bundle) {
  let result = bundle;
  for (const patch of PATCHES) {
    const match = patch.anchor.exec(result);
    if (!match?.groups) throw new Error(`Redoc patch ${patch.name}: its anchor is gone, recheck`);
    const groups = { ...match.groups };
    // Names bound shortly before the anchor, in the same component.
    for (const pattern of patch.before ?? []) {
      const before = result.slice(Math.max(0, match.index - 4000), match.index);
      const found = [...before.matchAll(new RegExp(pattern.source, "g"))].at(-1);
      if (!found?.groups) throw new Error(`Redoc patch ${patch.name}: ${pattern} is gone, recheck`);
      Object.assign(groups, found.groups);
    }
    result =
      result.slice(0, match.index) +
      patch.replace(groups) +
      result.slice(match.index + match[0].length);
  }
  return result;
}
