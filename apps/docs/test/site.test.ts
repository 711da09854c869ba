import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { firstRequestExample, operationsByTag, resolve } from "../src/operations.mjs";
import { guideFile, LANGUAGES, loadSpec, localizedSpec } from "../src/site.mjs";
import { type StaticServer, startStaticServer } from "../src/static-server.mjs";
import { type Browser, launchBrowser, waitForRedoc } from "./browser.js";
import { builtPage, distDir } from "./built-pages.js";
import { guideSections, type Json, operationNamed, present, summaryOf } from "./spec-helpers.js";

const screenshots = fileURLToPath(new URL("../screenshots/", import.meta.url));
const spec = loadSpec();
const sections = operationsByTag(spec);

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  for (const { code } of LANGUAGES) builtPage(code); // a clear message when dist/ is missing
  mkdirSync(screenshots, { recursive: true });
  server = await startStaticServer({ root: distDir });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(() => {
  // Every test fails on a request that tried to leave loopback or on a console error.
  expect(browser.watched.outside, "requests to outside hosts").toEqual([]);
  expect(browser.watched.errors, "console errors").toEqual([]);
});

const menuLabel = (item: Locator) => item.locator(":scope > a span[data-text]").first();
const tagItems = (page: Page) =>
  page.locator('[data-component-name="Menu/MenuItem"].menu-item-type-group');
const main = (page: Page) =>
  page.locator('[data-component-name="Layout/ThreePanelLayout"]').first();

describe.each(LANGUAGES.map((language) => [language.code, language] as const))(
  "the /%s/ page",
  (code) => {
    const localized = localizedSpec(spec, code);
    const other = present(
      LANGUAGES.find((language) => language.code !== code),
      "a second language",
    );
    const localizedOther = localizedSpec(spec, other.code);
    const tagLabel = (tag: string | undefined) => {
      const declared = (localized.tags ?? []).find((candidate: Json) => candidate.name === tag);
      return String(declared?.["x-displayName"] ?? tag);
    };
    const heading = (page: Page, document: Json, operationId: string) =>
      main(page).locator("h2", { hasText: summaryOf(document, operationId) });
    let page: Page;

    beforeAll(async () => {
      page = await browser.context.newPage();
    });
    afterAll(async () => {
      await page?.close();
    });

    async function open() {
      await page.goto(`${server.url}/${code}/`);
      await waitForRedoc(page);
    }

    const tagItem = (tag: string | undefined) =>
      tagItems(page).filter({ has: page.locator(`span[data-text="${tagLabel(tag)}"]`) });

    /** Opens an operation the way a reader does: its tag in the sidebar, then the operation. */
    async function openOperation(operationId: string) {
      const section = present(
        sections.find((candidate) =>
          candidate.operations.some((entry) => entry.operationId === operationId),
        ),
        `a tag holding ${operationId}`,
      );
      const tag = tagItem(section.tag);
      const item = tag.locator('[data-component-name="Menu/MenuItem"]').filter({
        has: page.locator(`span[data-text="${summaryOf(localized, operationId)}"]`),
      });
      if (!(await item.isVisible())) await menuLabel(tag).click();
      await item.locator("a").first().click();
      await expect.poll(() => heading(page, localized, operationId).isVisible()).toBe(true);
    }

    it("is in its language and links to the other one", async () => {
      await open();
      expect(await page.getAttribute("html", "lang")).toBe(code);
      expect(await page.locator("#language-switch").textContent()).toBe(other.label);
      await page.screenshot({ path: `${screenshots}${code}.png` });
    });

    it("lists every tag of the spec in the sidebar, in the spec's order", async () => {
      await open();
      const labels = await tagItems(page).evaluateAll((items) =>
        items.map((item) =>
          item.querySelector(":scope > a span[data-text]")?.getAttribute("data-text"),
        ),
      );
      expect(labels).toEqual(sections.map((section) => tagLabel(section.tag)));
    });

    it("renders every operation of the spec under its tag, in the spec's order", async () => {
      await open();
      for (const section of sections) {
        const tag = tagItem(section.tag);
        await menuLabel(tag).click();
        const items = tag.locator(
          '[data-component-name="Menu/Menu"] [data-component-name="Menu/MenuItem"]',
        );
        await expect.poll(() => items.count()).toBe(section.operations.length);
        expect(await items.locator("span[data-text]").allTextContents()).toEqual(
          section.operations.map(({ operationId }) => summaryOf(localized, operationId)),
        );
        for (const { operationId, path } of section.operations) {
          await openOperation(operationId);
          // Redoc shortens long paths in places; the operation's own segment is always shown.
          const segment = path.split("/").find((part) => part.includes(operationId)) ?? path;
          expect(await main(page).getByText(segment).count()).toBeGreaterThan(0);
        }
      }
    });

    it("switches addGroupParticipant's body between its two participant forms", async () => {
      await open();
      await openOperation("addGroupParticipant");
      const { operation } = operationNamed(localized, "addGroupParticipant");
      const request = present(firstRequestExample(localized, operation), "a request body");
      const branches: Json[] = request.schema.oneOf.map((branch: unknown) =>
        resolve(localized, branch),
      );
      const titles = branches.map((branch) => String(branch.title));
      const switcher = main(page)
        .locator('[role="tablist"]')
        .filter({ has: page.getByRole("tab", { name: titles[0] }) });
      expect(await switcher.getByRole("tab").allTextContents()).toEqual(titles);

      // The phone form is the branch that requires participantPhone; its type is the spec's.
      const phoneIndex = branches.findIndex((branch) =>
        branch.required?.includes("participantPhone"),
      );
      const phoneType = String(
        resolve(localized, branches[phoneIndex]?.properties.participantPhone).type,
      );
      // A field row: the name in a span, the type in an em (prose mentions use <code>).
      const phoneField = main(page)
        .locator('[data-testid="middle-panel"] div')
        .filter({ has: page.locator("span", { hasText: /^participantPhone$/ }) })
        .filter({ has: page.locator("em", { hasText: new RegExp(`^${phoneType}`) }) })
        .last();
      expect(await phoneField.isVisible()).toBe(false);
      await switcher.getByRole("tab").nth(phoneIndex).click();
      await expect
        .poll(() => switcher.getByRole("tab").nth(phoneIndex).getAttribute("aria-selected"))
        .toBe("true");
      await expect.poll(() => phoneField.isVisible()).toBe(true);
      await phoneField.evaluate((row) => row.scrollIntoView({ block: "center" }));
      await page.screenshot({ path: `${screenshots}${code}-addGroupParticipant.png` });
    });

    it("renders addGroupParticipant's responses, 200 and 400 among them", async () => {
      await open();
      await openOperation("addGroupParticipant");
      const { operation } = operationNamed(localized, "addGroupParticipant");
      const codes = Object.keys(operation.responses);
      expect(codes).toEqual(expect.arrayContaining(["200", "400"]));
      const tabs = main(page)
        .locator('[data-response-codes-tablist="true"]')
        .first()
        .getByRole("tab");
      expect(await tabs.allTextContents()).toEqual(codes);
      for (const status of ["200", "400"]) {
        const response = resolve(localized, operation.responses[status]);
        // The description's opening words, up to the first markdown mark.
        const opening = String(response.description).split(/[`*_[]/)[0] ?? "";
        const firstWords = opening.trim().split(/\s+/).slice(0, 3).join(" ");
        await tabs.filter({ hasText: new RegExp(`^${status}$`) }).click();
        await expect.poll(() => main(page).getByText(firstWords).first().isVisible()).toBe(true);
      }
    });

    it("finds addGroupParticipant with the search box", async () => {
      await open();
      // The sidebar's search box opens the search dialog, as its Ctrl+K shortcut does.
      await page.locator('[data-component-name="icons/SearchIcon/SearchIcon"]').first().click();
      const input = page.locator('[data-component-name="Search/SearchInput"] input');
      await expect.poll(() => input.isVisible()).toBe(true);
      await input.fill("addGroupParticipant");
      const result = page
        .locator('[data-component-name="Search/SearchItem"]')
        .filter({ hasText: summaryOf(localized, "addGroupParticipant") })
        .first();
      await expect.poll(() => result.isVisible()).toBe(true);
      await result.click();
      await expect
        .poll(() => heading(page, localized, "addGroupParticipant").isVisible())
        .toBe(true);
    });

    it("switches language from an operation and lands on the same operation", async () => {
      await open();
      await openOperation("addGroupParticipant");
      await page.locator("#language-switch").click();
      await page.waitForURL(`${server.url}/${other.code}/**`);
      await waitForRedoc(page);
      expect(await page.getAttribute("html", "lang")).toBe(other.code);
      await expect
        .poll(() => heading(page, localizedOther, "addGroupParticipant").isVisible())
        .toBe(true);
    });

    it("switches language from a guide section and lands on the same section", async () => {
      const sectionsOf = (language: string) =>
        guideSections(readFileSync(guideFile(language), "utf8"));
      const [id, title] = present([...sectionsOf(code)].at(-1), "a guide section");
      await open();
      await page
        .locator('[data-component-name="Menu/MenuItem"] > a')
        .filter({ hasText: title })
        .click();
      await expect.poll(() => page.url()).toContain(`#/${id}`);
      await page.locator("#language-switch").click();
      await page.waitForURL(`${server.url}/${other.code}/**`);
      await waitForRedoc(page);
      const otherTitle = present(sectionsOf(other.code).get(id), `section ${id} in ${other.code}`);
      await expect
        .poll(() => main(page).locator("h2", { hasText: otherTitle }).isVisible())
        .toBe(true);
    });
  },
);

describe("the root page", () => {
  it("sends readers to the first language", async () => {
    const page = await browser.context.newPage();
    const first = present(LANGUAGES[0], "a language");
    await page.goto(`${server.url}/`);
    await page.waitForURL(`${server.url}/${first.code}/`);
    await waitForRedoc(page);
    await page.close();
  });
});
