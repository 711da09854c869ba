// What a reader on a slow CPU waits for before anything shows: Chromium paints nothing until the
// head is parsed, and Redoc's server-rendered styles (one styled-components block of about
// 250 kB) sit there. The build moves that block to the body, after the linked operation's
// preview and before the server-rendered page it styles: the preview paints first, and nothing
// of Redoc shows unstyled. styled-components finds the block anywhere when Redoc hydrates.

const REDOC_STYLES = /<style data-styled="true"[^>]*>[\s\S]*?<\/style>/;

/**
 * The page without Redoc's style block, and the block. Throws when there is none: a Redoc that
 * renders its styles another way must be looked at, not silently shipped.
 * @param {string} html
 */
export function takeRedocStyles(html) {
  const match = REDOC_STYLES.exec(html);
  if (!match) throw new Error("the built page holds no styled-components block: recheck");
  const page = html.slice(0, match.index) + html.slice(match.index + match[0].length);
  if (REDOC_STYLES.test(page)) throw new Error("the built page holds two style blocks: recheck");
  return { page, styles: match[0] };
}
