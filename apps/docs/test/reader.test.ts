// What a reader does that a click-through misses: opening links as new pages, deep links, the
// Russian page's interface text, copying a sample of the example they picked, a phone screen.
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { firstRequestExample, resolve } from "../src/operations.mjs";
import { exampleSamples } from "../src/samples.mjs";
import { LANGUAGES, loadSpec, withSectionIds } from "../src/site.mjs";
import { type StaticServer, startStaticServer } from "../src/static-server.mjs";
import { type Browser, launchBrowser, waitForRedoc } from "./browser.js";
import { builtDefinition, distDir } from "./built-pages.js";
import { operationNamed } from "./spec-helpers.js";

const screenshots = fileURLToPath(new URL("../screenshots/", import.meta.url));
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await startStaticServer({ root: distDir });
  browser = await launchBrowser();
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(() => {
  expect(browser.watched.outside, "requests to outside hosts").toEqual([]);
  expect(browser.watched.errors, "console errors").toEqual([]);
});

async function openPage(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.status()).toBe(200);
  await waitForRedoc(page);
  return page;
}

/** Latin-script text outside code on the page: text nodes and the labels a screen reader reads. */
function latinInterfaceText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("pre, code, script, style, [lang]:not(html)")) continue;
      const text = (node.nodeValue ?? "").trim();
      if (/[A-Za-z]{2,}/.test(text) && !/[А-Яа-яЁё]/.test(text)) found.add(text);
    }
    for (const element of document.querySelectorAll("[aria-label], [title], [placeholder]")) {
      for (const name of ["aria-label", "title", "placeholder"]) {
        const value = element.getAttribute(name);
        if (value && /[A-Za-z]{2,}/.test(value) && !/[А-Яа-яЁё]/.test(value)) found.add(value);
      }
    }
    return [...found];
  });
}

/**
 * What may stay Latin on /ru/: one token with no space is an identifier, a type, a media type,
 * a path, a URL or a pattern from the spec (code); the rest are names of things.
 */
const LATIN_ALLOWED = new Set([
  "TypeScript (greenspec)",
  "Python (requests)",
  "OpenAPI (YAML)",
  "OpenAPI (JSON)",
]);
const isCode = (text: string) => !/\s/.test(text);

describe.each(LANGUAGES.map(({ code }) => [code] as const))(
  "the /%s/ page as a reader uses it",
  (code) => {
    it("opens every sidebar item as a new page at its own section", async () => {
      const page = await openPage(`/${code}/`);
      const items = await page
        .locator('[data-component-name="Menu/MenuItem"] > a[href]')
        .evaluateAll((links) =>
          links.map((link) => ({
            href: link.getAttribute("href") ?? "",
            label: link.textContent?.trim() ?? "",
          })),
        );
      await page.close();
      expect(items.length).toBeGreaterThan(10);
      for (const { href, label } of items.filter((item) => item.href !== "#/")) {
        // Opened in a new tab, the address alone must lead to the section.
        expect(href).toMatch(/^#\//);
        const opened = await openPage(`/${code}/${href}`);
        await expect
          .poll(() => opened.locator("h1, h2").filter({ hasText: label }).first().isVisible(), {
            message: `${href} shows a heading "${label}"`,
            timeout: 15_000,
          })
          .toBe(true);
        await opened.close();
      }
    }, 400_000);

    it("has no Latin-script interface text outside the allow-list", async () => {
      for (const route of ["", "#/participants/addGroupParticipant"]) {
        const page = await openPage(`/${code}/${route}`);
        const latin = await latinInterfaceText(page);
        if (code === "ru") {
          expect(latin.filter((text) => !isCode(text) && !LATIN_ALLOWED.has(text))).toEqual([]);
        } else {
          expect(latin.length).toBeGreaterThan(0);
        }
        await page.close();
      }
    });

    it("has no Latin-script interface text outside the allow-list before any script runs", async () => {
      // What a reader on a slow link reads while the page's scripts are still on their way.
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send("Emulation.setScriptExecutionDisabled", { value: true });
      await page.goto(`${server.url}/${code}/`);
      const latin = await latinInterfaceText(page);
      expect(await page.evaluate(() => "greenspec" in globalThis)).toBe(false);
      await page.screenshot({ path: `${screenshots}after-before-scripts-${code}.png` });
      if (code === "ru") {
        expect(latin.filter((text) => !isCode(text) && !LATIN_ALLOWED.has(text))).toEqual([]);
      } else {
        expect(latin).toContain("Download OpenAPI description");
      }
      await page.close();
    });
  },
);

describe.each(LANGUAGES.map(({ code }) => [code] as const))("the /%s/ page's details", (code) => {
  const spec = loadSpec();
  const specSections = [
    ...withSectionIds(String(spec.info.description), String(spec.info.description)).matchAll(
      /^## .+ \{% #([\w-]+) %\}$/gm,
    ),
  ].map((match) => match[1] ?? "");

  it("scrolls a deep link to a response to that response", async () => {
    const id = "participants/addgroupparticipant";
    const page = await openPage(`/${code}/#/${id}#${id}/responses&c=466`);
    await expect
      .poll(
        () =>
          page.evaluate((operation) => {
            const tab = [
              ...(document
                .getElementById(operation)
                ?.querySelectorAll('[data-response-codes-tablist="true"] [role="tab"]') ?? []),
            ].find((candidate) => candidate.textContent?.trim() === "466");
            const rect = tab?.getBoundingClientRect();
            return (
              tab?.getAttribute("aria-selected") === "true" &&
              rect !== undefined &&
              rect.top >= 0 &&
              rect.bottom <= innerHeight
            );
          }, id),
        { timeout: 15_000 },
      )
      .toBe(true);
    await page.close();
  });

  it.each(specSections.map((id) => [id] as const))(
    "keeps the reader at the spec's section %s when switching language",
    async (id) => {
      const other = LANGUAGES.find((language) => language.code !== code)?.code;
      const page = await openPage(`/${code}/#/${id}`);
      await page.locator("#language-switch").click();
      await page.waitForURL(`${server.url}/${other}/#/${id}`);
      await waitForRedoc(page);
      const link = page.locator(`[data-component-name="Menu/MenuItem"] > a[href="#/${id}"]`);
      const label = (await link.first().textContent())?.trim() ?? "";
      expect(label.length).toBeGreaterThan(0);
      await expect
        .poll(() => page.locator("h1, h2").filter({ hasText: label }).first().isVisible())
        .toBe(true);
      await page.close();
    },
  );

  it("gives guide code a working copy button, highlighting and its full width", async () => {
    const page = await openPage(`/${code}/#/errors`);
    const blocks = page.locator("pre[data-language]:not(.panel-request-samples pre)");
    await expect.poll(() => page.locator(".greenspec-copy").count()).toBeGreaterThan(2);
    const checks = await blocks.evaluateAll((pres) =>
      pres
        .filter((pre) => !pre.closest(".panel-request-samples"))
        .map((pre) => ({
          cut: pre.scrollWidth > pre.clientWidth + 1,
          button: pre.nextElementSibling?.classList.contains("greenspec-copy") ?? false,
        })),
    );
    expect(checks.length).toBeGreaterThan(2);
    expect(checks.filter((check) => check.cut || !check.button)).toEqual([]);
    const highlighted = await page.evaluate(() => {
      const registry = (globalThis.CSS as unknown as { highlights?: Map<string, Set<Range>> })
        .highlights;
      return registry?.get("greenspec-keyword")?.size ?? 0;
    });
    expect(highlighted).toBeGreaterThan(0);
    const first = page.locator(".greenspec-copy").first();
    const text = await first.evaluate((button) => button.previousElementSibling?.textContent);
    await first.click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await page.close();
  });

  it("shows the method name in the sample header and an absolute server URL", async () => {
    const page = await openPage(`/${code}/#/participants/addGroupParticipant`);
    const panel = page
      .locator(".panel-request-samples")
      .filter({ hasText: "/addGroupParticipant/" });
    await expect.poll(() => panel.first().isVisible()).toBe(true);
    const path = panel
      .first()
      .locator("span", { hasText: /^\/waInstance/ })
      .first();
    expect(await path.evaluate((span) => span.scrollWidth <= span.clientWidth + 1)).toBe(true);
    // In-page navigation used to turn the relative `{apiUrl}` into this page's own address.
    await page.goto(`${server.url}/${code}/#/credentials`);
    await page.goto(`${server.url}/${code}/#/`);
    const box = await page.locator("#redoc").textContent();
    expect(box).toContain("https://{host}");
    expect(box).not.toContain(server.url);
    await page.close();
  });

  it("offers only what works offline, and the spec in its own language", async () => {
    const page = await openPage(`/${code}/`);
    const hrefs = await page
      .locator("a[href]")
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    const outside = hrefs.filter((href) => new URL(href).hostname !== "127.0.0.1");
    // The spec's own prose links to the Green API console and Redoc's site; nothing else.
    expect(outside.every((href) => /green-api\.com|redocly\.com/.test(href))).toBe(true);
    expect(await page.getByRole("button", { name: /More actions|Другие действия/ }).count()).toBe(
      0,
    );
    expect(await page.locator("text=ChatGPT").count()).toBe(0);
    const yaml = hrefs.find((href) => href.endsWith("openapi.yaml"));
    expect(yaml).toBeDefined();
    const downloaded = parse(await (await fetch(String(yaml))).text());
    const title = String(downloaded.info.title);
    if (code === "ru") expect(title).toMatch(/[А-Яа-я]/);
    else expect(title).toBe(String(spec.info.title));
    expect(await page.locator(`a[href="#/changes"]`).count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe("the samples follow the request example the reader picks", () => {
  const built = builtDefinition("en");

  it.each(["addGroupParticipant", "removeGroupParticipant", "setGroupAdmin", "removeAdmin"])(
    "%s: the copy button gives the by-phone sample once by-phone is picked",
    async (operationId) => {
      const examples = exampleSamples(built, operationNamed(built, operationId));
      const byPhone = examples.find(({ samples }) =>
        samples.some((s) => s.source.includes("participantPhone")),
      );
      expect(byPhone).toBeDefined();
      const page = await openPage(`/en/`);
      const tag = String(operationNamed(built, operationId).operation.tags?.[0] ?? "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-");
      await page.goto(`${server.url}/en/#/${tag}/${operationId}`);
      const panel = page
        .locator(".panel-request-samples")
        .filter({ hasText: `/${operationId}/` })
        .first();
      await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);
      await panel.locator('button[aria-label="Example"]').click();
      await page
        .getByRole("menuitem")
        .filter({ hasText: String(byPhone?.summary) })
        .first()
        .click();
      // The first sample tab (TypeScript) is open; the other languages come from the same map.
      for (const lang of ["TypeScript"]) {
        const expected = byPhone?.samples.find((sample) => sample.lang === lang)?.source ?? "";
        await panel.locator('[data-testid="copy-button"]').last().click();
        await expect
          .poll(async () => (await page.evaluate(() => navigator.clipboard.readText())).trim(), {
            timeout: 10_000,
          })
          .toBe(expected.trim());
      }
      await page.close();
    },
  );
});

describe("a link to an operation", () => {
  it.each(LANGUAGES.map(({ code }) => [code] as const))(
    "/%s/: shows the operation from the spec while Redoc's module is still loading, then Redoc's own",
    async (code) => {
      const { operation, path, method } = operationNamed(
        builtDefinition(code),
        "addGroupParticipant",
      );
      const page = await browser.context.newPage();
      let release = () => {};
      const held = new Promise<void>((done) => {
        release = done;
      });
      // Redoc's module is held back: what the reader sees meanwhile comes from the page alone.
      await page.route(/\/assets\/redoc\.[0-9a-f]+\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${server.url}/${code}/#/participants/addGroupParticipant`);
      const preview = page.locator("#greenspec-preview");
      await expect.poll(() => preview.locator("h1").textContent()).toBe(operation.summary);
      expect(await preview.textContent()).toContain(`${method.toUpperCase()} ${path}`);
      const box = await preview.locator("h1").boundingBox();
      expect(box && box.y >= 0 && box.y < 1000).toBe(true);
      await page.screenshot({ path: `${screenshots}after-preview-${code}.png` });
      release();
      await waitForRedoc(page);
      await expect.poll(() => preview.count(), { timeout: 30_000 }).toBe(0);
      await expect
        .poll(() => page.locator('[id="participants/addgroupparticipant"]').isVisible())
        .toBe(true);
      await page.close();
    },
    60_000,
  );
});

describe("search", () => {
  it.each(LANGUAGES.map(({ code }) => [code] as const))(
    "/%s/: finds each section of the description by its title and opens that section",
    async (code) => {
      const description = String(builtDefinition(code).info.description);
      const sections = [...description.matchAll(/^## (.+?) \{% #([\w-]+) %\}$/gm)].map((match) => ({
        title: match[1] ?? "",
        id: match[2] ?? "",
      }));
      expect(sections.map(({ id }) => id)).toContain("rate-limits");
      const page = await openPage(`/${code}/`);
      for (const { title, id } of sections) {
        await page.locator('[data-component-name="icons/SearchIcon/SearchIcon"]').first().click();
        const input = page.locator('[data-component-name="Search/SearchInput"] input');
        await input.fill(title);
        const first = page.locator('[data-component-name="Search/SearchItem"]').first();
        await expect.poll(() => first.textContent(), { timeout: 10_000 }).toContain(title);
        await first.click();
        await expect.poll(() => page.evaluate(() => location.href)).toMatch(new RegExp(`/${id}$`));
        // The section's heading is on screen, not the top of the page.
        await expect
          .poll(
            () =>
              page.evaluate((text) => {
                const heading = [...document.querySelectorAll("h2")].find(
                  (element) => element.textContent?.trim() === text,
                );
                const top = heading?.getBoundingClientRect().top ?? -1;
                return top >= 0 && top < innerHeight / 2;
              }, title),
            { timeout: 10_000 },
          )
          .toBe(true);
      }
      await page.close();
    },
    120_000,
  );
});

describe("search snippets", () => {
  it.each(LANGUAGES.map(({ code }) => [code] as const))(
    "/%s/: keep a space wherever the prose had a line break",
    async (code) => {
      const spec = loadSpec();
      const description = String(builtDefinition(code).info.description);
      // Words that sat at either side of a line break in the spec's own prose, glued.
      const source = String(spec.info.description);
      const glued = [...source.matchAll(/([\p{L}]+)\n([\p{L}]+)/gu)].map(
        (match) => `${match[1]}${match[2]}`,
      );
      expect(glued.length).toBeGreaterThan(3);
      const page = await openPage(`/${code}/`);
      await page.locator('[data-component-name="icons/SearchIcon/SearchIcon"]').first().click();
      const input = page.locator('[data-component-name="Search/SearchInput"] input');
      const words = [...description.matchAll(/\n([\p{L}]{4,})/gu)]
        .map((m) => m[1] ?? "")
        .slice(0, 3);
      for (const word of words) {
        await input.fill(word);
        const items = page.locator('[data-component-name="Search/SearchItem"]');
        await expect.poll(() => items.count(), { timeout: 10_000 }).toBeGreaterThan(0);
        const snippets = (await items.allTextContents()).join(" ");
        expect(glued.filter((pair) => snippets.includes(pair))).toEqual([]);
      }
      await page.close();
    },
  );
});

describe("the body's oneOf tabs", () => {
  it("switch addGroupParticipant's sample to the by-phone example", async () => {
    const page = await openPage("/en/#/participants/addGroupParticipant");
    const operation = page.locator('[id="participants/addgroupparticipant"]');
    const panel = operation.locator(".panel-request-samples").first();
    await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);
    const code = () => panel.locator("pre").first().textContent();
    expect(await code()).toContain("participantChatId");
    const built = builtDefinition("en");
    const { schema } =
      firstRequestExample(built, operationNamed(built, "addGroupParticipant").operation) ?? {};
    const phoneBranch = (schema?.oneOf ?? [])
      .map((branch: unknown) => resolve(built, branch))
      .find((branch: { required?: string[] }) => branch.required?.includes("participantPhone"));
    await operation.getByRole("tab", { name: String(phoneBranch?.title) }).click();
    await expect.poll(code, { timeout: 10_000 }).toContain("participantPhone");
    await page.close();
  });
});

describe("on a 390x844 phone", () => {
  it.each(LANGUAGES.map(({ code }) => [code] as const))(
    "/%s/: no fixed control overlaps another control or the content",
    async (code) => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${server.url}/${code}/#/participants/addGroupParticipant`);
      await waitForRedoc(page);
      const controls = await page.evaluate(() =>
        [...document.querySelectorAll("a, button")]
          .filter((element) => {
            for (let node: Element | null = element; node; node = node.parentElement) {
              if (getComputedStyle(node).position === "fixed") return true;
            }
            return false;
          })
          .map((element) => element.getBoundingClientRect().toJSON())
          .filter((rect) => rect.width > 0 && rect.height > 0),
      );
      const bar = await page.locator("#greenspec-bar").boundingBox();
      expect(bar).not.toBeNull();
      // Every floating control sits in the bar, which takes its own room above the content.
      for (const rect of controls) {
        expect(rect.top).toBeGreaterThanOrEqual((bar?.y ?? 0) - 1);
        expect(rect.bottom).toBeLessThanOrEqual((bar?.y ?? 0) + (bar?.height ?? 0) + 1);
      }
      const language = await page.locator("#language-switch").boundingBox();
      for (const rect of controls) {
        const overlaps =
          language &&
          rect.left < language.x + language.width &&
          language.x < rect.right &&
          rect.top < language.y + language.height &&
          language.y < rect.bottom;
        expect(overlaps).toBeFalsy();
      }
      await page.screenshot({ path: `${screenshots}after-phone-${code}.png` });
      await page.close();
    },
  );
});
