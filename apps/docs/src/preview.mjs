// A static rendering of each operation, written at build time from the same document Redoc
// renders, so a reader who follows a link to an operation reads it while Redoc's module (2.3 MB
// of JavaScript) is still being evaluated. The page shows the linked one at once (an inline
// script picks it by the address); the site script removes it once Redoc has taken over.

import { firstRequestExample, listOperations, resolve } from "./operations.mjs";
import { plainText } from "./search-sections.mjs";

/** @typedef {import("./operations.mjs").Json} Json */

const html = (/** @type {unknown} */ value) =>
  String(value ?? "").replace(
    /[&<>"']/g,
    (char) => `&#${/** @type {number} */ (char.codePointAt(0))};`,
  );

/**
 * The previews of every operation in a <template>, and the inline script that shows the one the
 * address names (Redoc's route: #/<tag>/<operationId>, case-insensitive).
 * @param {Json} spec the document of the page's language
 * @param {(english: string) => string} label the page's wording of an interface label
 */
export function operationPreviews(spec, label) {
  const articles = listOperations(spec).map(({ path, method, operationId, operation }) => {
    const body = firstRequestExample(spec, operation)?.schema;
    const fields = bodyFields(spec, body);
    const responses = Object.entries(operation.responses ?? {}).map(
      ([status, raw]) =>
        `<li><b>${html(status)}</b> ${html(firstSentence(resolve(spec, raw)?.description))}</li>`,
    );
    return [
      `<article data-operation="${html(operationId.toLowerCase())}">`,
      `<h1 elementtiming="greenspec-preview">${html(operation.summary ?? operationId)}</h1>`,
      `<p><code>${html(method.toUpperCase())} ${html(path)}</code></p>`,
      ...paragraphs(operation.description).map((text) => `<p>${html(text)}</p>`),
      fields.length
        ? `<h2>${html(label("Body"))}</h2><ul>${fields
            .map(
              ({ name, required, description }) =>
                `<li><code>${html(name)}</code>${required ? ` <i>${html(label("required"))}</i>` : ""} ${html(firstSentence(description))}</li>`,
            )
            .join("")}</ul>`
        : "",
      `<h2>${html(label("Responses"))}</h2><ul>${responses.join("")}</ul>`,
      "</article>",
    ].join("");
  });
  return `<template id="greenspec-previews">${articles.join("")}</template>
<script>${SHOW_PREVIEW}</script>`;
}

/** Runs while the page is parsed: shows the linked operation's preview under the site bar. */
const SHOW_PREVIEW = `(()=>{const id=/^#\\/[^/#?]+\\/([^/#?&]+)/.exec(location.hash)?.[1]?.toLowerCase();if(!id)return;const template=document.getElementById("greenspec-previews");const article=[...(template?.content.children??[])].find((e)=>e.dataset.operation===id);if(!article)return;const preview=document.createElement("section");preview.id="greenspec-preview";preview.setAttribute("aria-busy","true");preview.append(article.cloneNode(true));document.body.append(preview);})();`;

/**
 * The request body's fields (of every oneOf branch, once each), with whether all branches
 * require them.
 * @param {Json} spec
 * @param {Json | undefined} schema
 */
function bodyFields(spec, schema) {
  const resolved = resolve(spec, schema);
  if (!resolved || typeof resolved !== "object") return [];
  const branches = /** @type {Json[]} */ (resolved.oneOf ?? resolved.anyOf ?? [resolved]).map(
    (branch) => resolve(spec, branch) ?? {},
  );
  /** @type {Map<string, { name: string, required: boolean, description: string }>} */
  const fields = new Map();
  for (const branch of branches) {
    for (const [name, raw] of Object.entries(branch.properties ?? {})) {
      if (raw === false || fields.has(name)) continue;
      const property = resolve(spec, raw) ?? {};
      fields.set(name, {
        name,
        required: branches.every((other) => (other.required ?? []).includes(name)),
        description: String(property.description ?? ""),
      });
    }
  }
  return [...fields.values()];
}

/** @param {unknown} markdown */
function paragraphs(markdown) {
  return String(markdown ?? "")
    .split(/\n\s*\n/)
    .map(plainText)
    .filter(Boolean)
    .slice(0, 3);
}

/** @param {unknown} markdown */
function firstSentence(markdown) {
  const text = plainText(String(markdown ?? ""));
  const end = text.search(/[.!?](?=\s+[\p{Lu}\d]|$)/u);
  return end < 0 ? text : text.slice(0, end + 1);
}
