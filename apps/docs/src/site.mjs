// What each language's page is built from: the one bundled spec, its Russian prose when asked
// for, the guide of that language, and code samples for every operation.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { documentUrls } from "@greenspec/spec/model";
import { withoutImpliedForbiddenProperties } from "./display.mjs";
import { defaultServerUrl, firstRequestExample, listOperations, resolve } from "./operations.mjs";
import { SAMPLE_LANGUAGES, withCodeSamples } from "./samples.mjs";
import { loadTranslations, translateSpec } from "./translation.mjs";

/** The site's languages; the first is the one the root page sends readers to. */
export const LANGUAGES = [
  { code: "en", label: "English" },
  { code: "ru", label: "Русский" },
];

/** The bundled document, where the spec model says it lies. */
export const specFile = fileURLToPath(documentUrls.json);

/** @typedef {import("./operations.mjs").Json} Json */

/** @returns {Json} */
export function loadSpec() {
  return JSON.parse(readFileSync(specFile, "utf8"));
}

/** @param {string} code */
export function guideFile(code) {
  return new URL(`../guide/${code}.md`, import.meta.url);
}

/**
 * The guide of one language, its [[facts]] filled in from the spec.
 * @param {Json} spec
 * @param {string} code
 */
export function renderGuide(spec, code) {
  const facts = guideFacts(spec);
  return readFileSync(guideFile(code), "utf8").replace(/\[\[(\w+)\]\]/g, (_match, name) => {
    if (!Object.hasOwn(facts, name))
      throw new Error(`guide/${code}.md names an unknown fact [[${name}]]`);
    return facts[/** @type {keyof typeof facts} */ (name)];
  });
}

/**
 * The facts the guide quotes, taken from the spec so that the guide cannot contradict it.
 * @param {Json} spec
 */
export function guideFacts(spec) {
  const schemas = spec.components?.schemas ?? {};
  const phone = resolve(spec, schemas.PhoneNumber);
  const chatId = resolve(spec, schemas.ChatId);
  const groupId = resolve(spec, schemas.GroupId);
  const idInstance = resolve(spec, spec.components?.parameters?.IdInstance);
  if (!phone || !chatId || !groupId || !idInstance) {
    throw new Error("the guide quotes PhoneNumber, ChatId, GroupId and IdInstance: one is gone");
  }
  const phoneField = "participantPhone";
  const phoneOperations = listOperations(spec)
    .filter(({ operation }) =>
      mentionsProperty(spec, firstRequestExample(spec, operation)?.schema, phoneField),
    )
    .map(({ operationId }) => `\`${operationId}\``);
  return {
    apiUrl: defaultServerUrl(spec),
    idInstanceExample: String(idInstance.example ?? idInstance.schema?.examples?.[0]),
    groupIdExample: String(groupId.examples?.[0]),
    chatIdExample: String(chatId.examples?.[0]),
    phoneExample: String(phone.examples?.[0]),
    phoneMinDigits: String(phone.minimum).length.toString(),
    phoneMaxDigits: String(phone.maximum).length.toString(),
    phoneOperations: phoneOperations.join(", "),
  };
}

/**
 * Whether a schema (or one of its oneOf/anyOf/allOf branches) declares a property.
 * @param {Json} spec
 * @param {Json | undefined} schema
 * @param {string} name
 * @returns {boolean}
 */
function mentionsProperty(spec, schema, name) {
  const resolved = resolve(spec, schema);
  if (!resolved || typeof resolved !== "object") return false;
  const own = resolved.properties?.[name];
  if (own !== undefined && own !== false) return true;
  return ["oneOf", "anyOf", "allOf"].some((key) =>
    (resolved[key] ?? []).some((/** @type {Json} */ branch) =>
      mentionsProperty(spec, branch, name),
    ),
  );
}

/**
 * The document Redoc renders for one language: translated prose, the guide placed before the
 * description's first section, code samples on every operation, and the display fixes.
 * @param {Json} spec
 * @param {string} code
 */
export function localizedSpec(spec, code) {
  if (!LANGUAGES.some((language) => language.code === code)) throw new Error(`no language ${code}`);
  const localized = code === "ru" ? translateSpec(spec, loadTranslations()) : structuredClone(spec);
  const description = String(localized.info.description ?? "");
  const firstSection = description.search(/^## /m);
  const guide = `${renderGuide(spec, code).trim()}\n\n`;
  localized.info.description =
    firstSection < 0
      ? `${description}\n\n${guide}`
      : `${description.slice(0, firstSection)}${guide}${description.slice(firstSection)}`;
  return withCodeSamples(withoutImpliedForbiddenProperties(localized));
}

/** Redoc's options, derived from what the build injects. */
export function redocOptions() {
  return {
    codeSamples: {
      // Payload shows the JSON body of whichever request example the reader picks.
      languages: [
        ...SAMPLE_LANGUAGES.map(({ lang, label }) => ({ lang, label })),
        { lang: "Payload" },
      ],
    },
    downloadUrls: [
      { title: "OpenAPI (YAML)", url: "../openapi.yaml" },
      { title: "OpenAPI (JSON)", url: "../openapi.json" },
    ],
  };
}
