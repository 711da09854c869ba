// The build's own parts, on small inputs: the Changes section, joined soft line breaks, the
// Redoc module patches, the favicon, the description's sections for the search index, the
// translation of the server-rendered interface text, the page's order for a first paint.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { interfaceTranslator } from "../src/browser/interface-translator.js";
import { changesMarkdown, parseChangelogs, parseChangesets } from "../src/changes.mjs";
import { joinSoftBreaks } from "../src/display.mjs";
import { faviconIco } from "../src/favicon.mjs";
import { takeRedocStyles } from "../src/first-paint.mjs";
import { translatePrerendered } from "../src/prerendered-text.mjs";
import { patchBundle } from "../src/redoc-bundle.mjs";
import { searchSections } from "../src/search-sections.mjs";
import { distDir } from "./built-pages.js";

const changelog = `# @greenspec/client

## 0.2.0

### Minor Changes

- 1a2b3c4: Adds \`leaveGroup\`,
  with a retry policy.

### Patch Changes

- 5d6e7f8: Masks the token in every error field.

## 0.1.0

### Minor Changes

- 9a8b7c6: First release.
`;

describe("the Changes section", () => {
  it("lists each version newest first, with its packages' changes and their continuation lines", () => {
    const releases = parseChangelogs([{ package: "@greenspec/client", text: changelog }]);
    expect(releases.map((release) => release.version)).toEqual(["0.2.0", "0.1.0"]);
    expect(releases[0]?.entries).toEqual([
      {
        package: "@greenspec/client",
        bump: "minor",
        text: "Adds `leaveGroup`, with a retry policy.",
      },
      {
        package: "@greenspec/client",
        bump: "patch",
        text: "Masks the token in every error field.",
      },
    ]);
  });

  it("puts pending changesets first, under a heading of the page's language", () => {
    const pending = parseChangesets([
      '---\n"@greenspec/docs": minor\n"@greenspec/spec": patch\n---\n\nA Changes section\nin the guide.\n',
    ]);
    expect(pending).toEqual([
      { package: "@greenspec/docs", bump: "minor", text: "A Changes section in the guide." },
      { package: "@greenspec/spec", bump: "patch", text: "A Changes section in the guide." },
    ]);
    const releases = parseChangelogs([{ package: "@greenspec/client", text: changelog }]);
    const en = changesMarkdown("en", { releases, pending });
    expect(en).toMatch(
      /^## Changes \{% #changes %\}\n\n### Not released yet\n\n- `@greenspec\/docs`/,
    );
    expect(en.indexOf("### 0.2.0")).toBeLessThan(en.indexOf("### 0.1.0"));
    const ru = changesMarkdown("ru", { releases: [], pending: [] });
    expect(ru).toBe("## Изменения {% #changes %}\n\nВыпусков пока нет.\n");
  });
});

describe("joining soft line breaks", () => {
  it("joins paragraph and list-item lines but keeps code, lists, tables and headings apart", () => {
    const markdown = [
      "Errors and",
      "answers.",
      "",
      "- one",
      "  more",
      "- two",
      "",
      "```ts",
      "const a = 1;",
      "const b = 2;",
      "```",
      "| a | b |",
      "| - | - |",
      "## Heading",
      "text",
    ].join("\n");
    expect(joinSoftBreaks(markdown)).toBe(
      [
        "Errors and answers.",
        "",
        "- one more",
        "- two",
        "",
        "```ts",
        "const a = 1;",
        "const b = 2;",
        "```",
        "| a | b |",
        "| - | - |",
        "## Heading",
        "text",
      ].join("\n"),
    );
  });
});

describe("the shared Redoc module", () => {
  const assets = join(distDir, "assets");
  const redoc = readdirSync(assets).find((name) => /^redoc\.[0-9a-f]{12}\.js$/.test(name));

  it("carries every patch, and a Redoc without an anchor fails the build", () => {
    expect(redoc).toBeDefined();
    const bundle = readFileSync(join(assets, String(redoc)), "utf8");
    expect(bundle).toContain("globalThis.greenspec?.sampleFor?.(");
    expect(bundle).toContain("globalThis.greenspec?.translate?.(");
    expect(bundle).toContain("globalThis.greenspec?.searchDocuments?.(");
    expect(() => patchBundle("export{hydrate};")).toThrow(/anchor is gone/);
  });

  it("is one file that both pages import", () => {
    for (const code of ["en", "ru"]) {
      const page = readFileSync(join(distDir, code, "index.html"), "utf8");
      expect(page).toContain(`await import("../assets/${redoc}")`);
      expect(page.length).toBeLessThan(1_000_000);
    }
  });
});

describe("the description's search sections", () => {
  it("split at each ## heading, keep its id, and read as plain words", () => {
    const markdown = [
      "Opening **prose** with a [link](https://example.test).",
      "",
      "## Rate limits {% #rate-limits %}",
      "",
      "| Method | Limit |",
      "| --- | ---: |",
      "| `addGroupParticipant` | 1 per second |",
      "",
      "## Без id",
      "",
      "```sh",
      "curl -s x",
      "```",
      "",
    ].join("\n");
    expect(searchSections(markdown)).toEqual({
      intro: "Opening prose with a link.",
      sections: [
        {
          id: "rate-limits",
          title: "Rate limits",
          text: "Method Limit addGroupParticipant 1 per second",
        },
        { id: "без-id", title: "Без id", text: "curl -s x" },
      ],
    });
  });
});

describe("the favicon", () => {
  it("is a 16x16 ICO of one 32-bit image", () => {
    const ico = faviconIco();
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 1]);
    expect([ico[6], ico[7], ico.readUInt16LE(12)]).toEqual([16, 16, 32]);
    expect(ico.readUInt32LE(14) + ico.readUInt32LE(18)).toBe(ico.length);
  });
});

describe("the server-rendered interface text", () => {
  const translate = interfaceTranslator({
    text: { Servers: "Серверы", Copy: "Копировать", "A & B": "А и Б" },
    prefixes: { "link to ": "ссылка на " },
    joins: { " or ": " или " },
  });
  if (!translate) throw new Error("a translator with texts must exist");
  const swap = (html: string) => translatePrerendered(html, translate);

  it("translates text nodes and the labels a reader meets, keeping the spaces around them", () => {
    expect(swap('<h3> Servers </h3><button aria-label="Copy" title="Copy">x</button>')).toBe(
      '<h3> Серверы </h3><button aria-label="Копировать" title="Копировать">x</button>',
    );
    expect(swap('<a aria-label="link to errors"></a>')).toBe(
      '<a aria-label="ссылка на errors"></a>',
    );
    expect(swap("<span>ChatId (string) or LidId (string)</span>")).toBe(
      "<span>ChatId (string) или LidId (string)</span>",
    );
    expect(swap('<input placeholder="Servers"/><p>A &amp; B</p>')).toBe(
      '<input placeholder="Серверы"/><p>А и Б</p>',
    );
  });

  it("leaves code, scripts, styles, unknown text and other attributes byte for byte", () => {
    const kept = [
      "<pre><span>Servers</span></pre>",
      "<code>Copy</code>",
      '<script>const a = "<b>Servers</b>";</script>',
      "<style>p::after{content:'Copy'}</style>",
      '<div data-label="Servers" class="Copy">Server list &#x27;x&#x27;</div>',
      "<!-- Servers -->",
      "<p>Copy this</p>",
    ].join("");
    expect(swap(kept)).toBe(kept);
    // After the code block ends, text is translated again.
    expect(swap("<pre><code>Copy</code></pre><p>Copy</p>")).toBe(
      "<pre><code>Copy</code></pre><p>Копировать</p>",
    );
  });

  it("has nothing to do for a language without interface text", () => {
    expect(interfaceTranslator({})).toBeUndefined();
  });
});

describe("the page's order for a first paint", () => {
  const block = '<style data-styled="true" data-styled-version="6">.a{color:red}</style>';

  it("takes Redoc's style block out whole, and fails on none or two", () => {
    expect(takeRedocStyles(`<head>${block}</head><body>x</body>`)).toEqual({
      page: "<head></head><body>x</body>",
      styles: block,
    });
    expect(() => takeRedocStyles("<head><style>.a{}</style></head>")).toThrow(/no styled/);
    expect(() => takeRedocStyles(`<head>${block}${block}</head>`)).toThrow(/two style blocks/);
  });

  it.each(["en", "ru"])("puts only the site's own styles before the preview on /%s/", (code) => {
    const page = readFileSync(join(distDir, code, "index.html"), "utf8");
    const at = (text: string) => {
      const index = page.indexOf(text);
      expect(index, text).toBeGreaterThan(-1);
      return index;
    };
    // The head, the preview, Redoc's styles, its module, its page, and the page's data last.
    const order = [
      at("</head>"),
      at('id="greenspec-previews"'),
      at("<style data-styled"),
      at('rel="modulepreload"'),
      at('<div id="redoc">'),
      at('id="greenspec-page"'),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(page.indexOf("<style data-styled", (order[2] ?? 0) + 1)).toBe(-1);
  });
});
