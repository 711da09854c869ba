import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { joinSoftBreaks } from "../src/display.mjs";
import { parsePointer } from "../src/pointer.mjs";
import { collectProse, fingerprint } from "../src/prose.mjs";
import { guideFile, LANGUAGES, loadSpec } from "../src/site.mjs";
import {
  auditTranslations,
  describeAudit,
  loadTranslations,
  translateSpec,
} from "../src/translation.mjs";
import { builtDefinition } from "./built-pages.js";
import { guideSections, type Json } from "./spec-helpers.js";

const fixture = {
  openapi: "3.1.0",
  info: { title: "Pets", version: "1", description: "All about `pets`." },
  tags: [{ name: "Pets", description: "Pet methods." }],
  paths: {
    "/pets/{id}": {
      post: {
        operationId: "updatePet",
        summary: "Update a pet",
        requestBody: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  description: { type: "string", description: "What the pet is like." },
                  title: { type: "string", examples: ["Dr"] },
                },
              },
              examples: {
                first: { summary: "A cat", value: { description: "not prose", title: "Dr" } },
              },
            },
          },
        },
        responses: { "200": { description: "Updated." } },
      },
    },
  },
};

const fixtureTranslations = (entries: Record<string, string>) =>
  new Map(
    Object.entries(entries).map(([key, ru]) => {
      const entry = collectProse(fixture).find((candidate) => candidate.key === key);
      return [key, { ru, source: entry ? fingerprint(entry.text) : "0000000000" }];
    }),
  );

describe("finding the prose of a spec", () => {
  it("collects descriptions, summaries, titles and tag names, but no example values or field names", () => {
    expect(collectProse(fixture).map((entry) => `${entry.key} = ${entry.text}`)).toEqual([
      "/info/title = Pets",
      "/info/description = All about `pets`.",
      "/tags/0/description = Pet methods.",
      "@updatePet/summary = Update a pet",
      "@updatePet/requestBody/content/application~1json/schema/properties/description/description = What the pet is like.",
      "@updatePet/requestBody/content/application~1json/examples/first/summary = A cat",
      "@updatePet/responses/200/description = Updated.",
      "/tags/0/name = Pets",
    ]);
  });

  it("translates a tag through x-displayName, keeping its name for links", () => {
    const translated = translateSpec(fixture, fixtureTranslations({ "/tags/0/name": "Питомцы" }));
    expect(translated.tags[0]).toEqual({
      name: "Pets",
      "x-displayName": "Питомцы",
      description: "Pet methods.",
    });
    expect(translated.paths["/pets/{id}"].post.summary).toBe("Update a pet");
  });
});

describe("auditing translations", () => {
  it("reports untranslated text, keys that address nothing, and outdated translations", () => {
    const translations = fixtureTranslations({
      "/info/title": "Питомцы",
      "@updatePet/summary": "Изменить питомца",
      "@deletePet/summary": "Удалить питомца",
    });
    translations.set("/info/title", { ru: "Питомцы", source: fingerprint("Old pets") });
    const audit = auditTranslations(fixture, translations);
    expect(audit.missing.map((entry) => entry.key)).toContain("/info/description");
    expect(audit.missing.map((entry) => entry.key)).not.toContain("@updatePet/summary");
    expect(audit.stale).toEqual(["@deletePet/summary"]);
    expect(audit.outdated.map((entry) => entry.key)).toEqual(["/info/title"]);
  });

  it("refuses a translation that drops a code span or is not Russian", () => {
    const audit = auditTranslations(
      fixture,
      fixtureTranslations({
        "/info/description": "Всё о питомцах.",
        "/tags/0/description": "Pets",
      }),
    );
    expect(audit.invalid.map(({ key, reason }) => `${key}: ${reason.split(":")[0]}`)).toEqual([
      "/info/description: code spans differ",
      "/tags/0/description: has no Russian text",
    ]);
  });
});

describe("the Russian prose of the greenspec document", () => {
  it("translates every text of the spec, from its current English, with no stale key", () => {
    const audit = auditTranslations(loadSpec(), loadTranslations());
    expect(describeAudit(audit), "run `node scripts/i18n.mjs` in apps/docs for the list").toBe("");
  });
});

/** Everything but prose: what must be the same in every language. Tag names are ids, kept. */
function structureOf(definition: Json) {
  const copy = structuredClone(definition);
  for (const entry of collectProse(definition)) {
    if (entry.displayName) continue;
    const tokens = parsePointer(entry.pointer);
    const key = tokens.pop() as string;
    let parent: Json = copy;
    for (const token of tokens) parent = parent[token];
    parent[key] = "<prose>";
  }
  for (const tag of copy.tags ?? []) tag["x-displayName"] = "<prose>";
  return copy;
}

function inventory(definition: Json) {
  const lines: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) {
      for (const [index, item] of node.entries()) walk(item, `${path}/${index}`);
    } else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        const here = `${path}/${key}`;
        if (
          ["paths", "responses", "properties", "examples", "parameters", "content"].some((k) =>
            path.endsWith(`/${k}`),
          )
        ) {
          lines.push(here);
        }
        walk(value, here);
      }
    }
  };
  walk(definition, "");
  return lines;
}

describe.each(LANGUAGES.slice(1).map((language) => language.code))("the built %s page", (code) => {
  const english = builtDefinition("en");
  const other = builtDefinition(code);

  it("has the same operations, fields, examples and responses as the English page", () => {
    // A readable list first (what is missing where), then the whole structure.
    expect(inventory(other)).toEqual(inventory(english));
    expect(structureOf(other)).toEqual(structureOf(english));
  });

  it("shows the translation of every text, and the English page the spec's own text", () => {
    const spec = loadSpec();
    const translations = loadTranslations();
    for (const entry of collectProse(spec)) {
      const target = entry.displayName ?? entry.pointer;
      const read = (definition: Json) =>
        parsePointer(target).reduce((node: Json, token) => node?.[token], definition);
      if (entry.pointer === "/info/description") continue; // the guide is appended there
      // Descriptions are shown with soft line breaks joined (see display.mjs).
      const shown = (text: string | undefined) =>
        text !== undefined && target.endsWith("/description") ? joinSoftBreaks(text) : text;
      expect(read(other), entry.key).toBe(shown(translations.get(entry.key)?.ru));
      expect(read(english) ?? shown(entry.text), entry.key).toBe(shown(entry.text));
    }
  });
});

describe("the guide", () => {
  const read = (code: string) => readFileSync(guideFile(code), "utf8");
  /** The code of a guide with its string literals emptied: messages may be translated. */
  const code = (markdown: string) =>
    [...markdown.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map(
      (match) => `${match[1]}:${(match[2] ?? "").replace(/"[^"\n]*"|`[^`\n]*`/g, '""')}`,
    );

  it.each(LANGUAGES.slice(1).map((language) => language.code))(
    "has in %s the same sections, with the same ids, and the same code as in English",
    (other) => {
      const english = read("en");
      const translated = read(other);
      expect([...guideSections(english).keys()].length).toBeGreaterThan(0);
      expect([...guideSections(translated).keys()]).toEqual([...guideSections(english).keys()]);
      expect(translated.match(/^## /gm)?.length).toBe(english.match(/^## /gm)?.length);
      expect(code(translated)).toEqual(code(english));
    },
  );
});
