// Redoc 3 draws its footer logo from a CDN image and has no setting to stop it; the built page
// must load nothing from outside, so the logo URLs become inline images. Each has a light plate
// of its own, so it reads on the light and on the dark badge alike.

const wordmark = (/** @type {number} */ width, /** @type {string} */ text) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16" viewBox="0 0 ${width} 16">` +
      `<rect width="${width}" height="16" rx="3" fill="#ffffff"/>` +
      `<text x="2" y="12" font-family="system-ui, sans-serif" font-size="12" font-weight="600" fill="#1a1c21">${text}</text></svg>`,
  )}`;

/** Each CDN image Redoc links to, and what it becomes. */
export const INLINE_IMAGES = new Map([
  ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", wordmark(52, "Redoc")],
  ["https://cdn.redoc.ly/redoc/logo-mini.svg", wordmark(14, "R")],
]);

/**
 * Swaps every known CDN image of a built page for its inline version. Throws when one is not
 * found: a Redoc upgrade that moves the logo must be noticed, not silently go online again.
 * @param {string} html
 */
export function inlineCdnImages(html) {
  let result = html;
  for (const [url, dataUri] of INLINE_IMAGES) {
    if (!result.includes(url)) throw new Error(`the built page no longer mentions ${url}: recheck`);
    result = result.replaceAll(url, dataUri);
  }
  return result;
}
