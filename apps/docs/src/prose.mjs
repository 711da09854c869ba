// Finds every piece of reader-facing prose in an OpenAPI document, so a translation can be
// checked for completeness and applied without touching anything structural.
import { createHash } from "node:crypto";
import { escapeToken, parsePointer } from "./pointer.mjs";

/** Keys whose string value is text a reader sees. */
const PROSE_KEYS = new Set(["title", "summary", "description", "x-displayName"]);

/** Keys whose value is data (payloads, enum values, defaults, samples): never prose. */
const DATA_KEYS = new Set(["value", "example", "default", "const", "enum", "x-codeSamples"]);

/** Keys whose object value maps names to objects: a key inside is a name, not a keyword. */
const NAME_MAP_KEYS = new Set([
  "paths",
  "webhooks",
  "callbacks",
  "properties",
  "patternProperties",
  "dependentSchemas",
  "$defs",
  "definitions",
  "schemas",
  "parameters",
  "responses",
  "examples",
  "requestBodies",
  "headers",
  "securitySchemes",
  "links",
  "pathItems",
  "content",
  "encoding",
  "variables",
  "mapping",
]);

/**
 * @typedef {object} ProseEntry
 * @property {string} key how i18n/ru.yaml names the text: its JSON pointer, with an operation's
 *   `/paths/{path}/{method}` prefix written `@operationId` (stable when a path changes)
 * @property {string} pointer JSON pointer of the text in the bundled spec
 * @property {string} text the English text
 * @property {string} [displayName] where a translation goes instead (a tag's name is an id:
 *   its translation is shown through `x-displayName`, so links and anchors stay the same)
 */

/**
 * Every reader-facing text of the document, in document order.
 * @param {unknown} spec
 * @returns {ProseEntry[]}
 */
export function collectProse(spec) {
  /** @type {Omit<ProseEntry, "key">[]} */
  const entries = [];
  walk(spec, "", false, entries);
  // Tag names and tag group names are shown as headings; a tag with x-displayName already
  // shows that instead (collected by the walk).
  const root = /** @type {{ tags?: unknown, "x-tagGroups"?: unknown }} */ (spec);
  if (Array.isArray(root.tags)) {
    root.tags.forEach((tag, index) => {
      if (tag && typeof tag.name === "string" && tag["x-displayName"] === undefined) {
        entries.push({
          pointer: `/tags/${index}/name`,
          text: tag.name,
          displayName: `/tags/${index}/x-displayName`,
        });
      }
    });
  }
  if (Array.isArray(root["x-tagGroups"])) {
    root["x-tagGroups"].forEach((group, index) => {
      if (group && typeof group.name === "string") {
        entries.push({ pointer: `/x-tagGroups/${index}/name`, text: group.name });
      }
    });
  }
  return entries.map((entry) => ({ key: proseKey(spec, entry.pointer), ...entry }));
}

/**
 * The key of a pointer: `/paths/{path}/{method}/rest` becomes `@operationId/rest`.
 * @param {unknown} spec
 * @param {string} pointer
 */
export function proseKey(spec, pointer) {
  const [first, path, method, ...rest] = parsePointer(pointer);
  if (first !== "paths" || path === undefined || method === undefined) return pointer;
  const paths =
    /** @type {{ paths?: Record<string, Record<string, { operationId?: unknown }>> }} */ (spec)
      .paths;
  const operationId = paths?.[path]?.[method]?.operationId;
  if (typeof operationId !== "string") return pointer;
  return `@${operationId}${rest.map((token) => `/${escapeToken(token)}`).join("")}`;
}

/**
 * @param {unknown} node
 * @param {string} pointer
 * @param {boolean} isNameMap
 * @param {Omit<ProseEntry, "key">[]} entries
 */
function walk(node, pointer, isNameMap, entries) {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) walk(item, `${pointer}/${index}`, false, entries);
    return;
  }
  if (node === null || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node)) {
    const child = `${pointer}/${escapeToken(key)}`;
    if (isNameMap) {
      walk(value, child, false, entries);
    } else if (PROSE_KEYS.has(key) && typeof value === "string") {
      entries.push({ pointer: child, text: value });
    } else if (key === "value" && Object.hasOwn(node, "summary")) {
      // A named example's payload is data, except the explanations nested in it (the 466 quota
      // report's per-quota `description`): a Russian reader reads those too. A top-level
      // `description` is the service's identifier (clients match its text): never translated.
      if (value !== null && typeof value === "object") {
        for (const [field, nested] of Object.entries(value)) {
          collectPayloadDescriptions(nested, `${child}/${escapeToken(field)}`, entries);
        }
      }
    } else if (DATA_KEYS.has(key) || (key === "examples" && Array.isArray(value))) {
      // Example payloads and schema example lists are data shown verbatim in every language.
    } else {
      walk(value, child, NAME_MAP_KEYS.has(key) && !Array.isArray(value), entries);
    }
  }
}

/**
 * @param {unknown} node
 * @param {string} pointer
 * @param {Omit<ProseEntry, "key">[]} entries
 */
function collectPayloadDescriptions(node, pointer, entries) {
  if (node === null || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node)) {
    const child = `${pointer}/${escapeToken(key)}`;
    if (key === "description" && typeof value === "string" && /\s/.test(value)) {
      entries.push({ pointer: child, text: value });
    } else {
      collectPayloadDescriptions(value, child, entries);
    }
  }
}

/**
 * A short fingerprint of an English text, stored beside its translation so a later change of
 * the English is noticed.
 * @param {string} text
 */
export function fingerprint(text) {
  return createHash("sha256").update(text).digest("hex").slice(0, 10);
}
