// The search index's view of the page's description: Redoc indexes the whole description (the
// guide, the spec's own sections, Changes) as one document that opens the top of the page. The
// build splits it at its `## ` headings, so each section is found and opened on its own.

/**
 * @typedef {{ id: string, title: string, text: string }} SearchSection
 * @typedef {{ intro: string, sections: SearchSection[] }} SearchSections
 */

const HEADING = /^## (.+?)(?:\s*\{% #([\w-]+) %\})?\s*$/gm;

/**
 * The description's opening prose and each `## ` section: its id (the route Redoc gives it), its
 * title as shown, and its text as a reader sees it (markdown marks and tags removed).
 * @param {string} markdown
 * @returns {SearchSections}
 */
export function searchSections(markdown) {
  const headings = [...markdown.matchAll(HEADING)];
  const sections = headings.map((match, index) => {
    const title = (match[1] ?? "").trim();
    const start = (match.index ?? 0) + match[0].length;
    const end = headings[index + 1]?.index ?? markdown.length;
    return { id: match[2] ?? slug(title), title, text: plainText(markdown.slice(start, end)) };
  });
  return { intro: plainText(markdown.slice(0, headings[0]?.index ?? markdown.length)), sections };
}

/** Redoc's id for a heading that names none (lower case, dashes). */
function slug(/** @type {string} */ title) {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");
}

/**
 * Markdown as the words a reader sees: no tags, fence lines, heading or emphasis marks, link
 * targets or table rules; every line break a space.
 * @param {string} markdown
 */
export function plainText(markdown) {
  return markdown
    .replace(/\{%[^%]*%\}/g, "")
    .replace(/^\s*(?:```|~~~).*$/gm, "")
    .replace(/^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/gm, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+\.\s+)/gm, "")
    .replace(/(\*\*|__|`|\*)/g, "")
    .replace(/\|/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
