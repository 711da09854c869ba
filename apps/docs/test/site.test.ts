import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { firstRequestExample, listOperations, operationsByTag, resolve } from "../src/operations.mjs";
import { LANGUAGES, loadSpec, localizedSpec } from "../src/site.mjs";
import { type StaticServer, startStaticServer } from "../src/static-server.mjs";
import { type Browser, launchBrowser, waitForRedoc } from "./browser.js";
import { builtPage, distDir } from "./built-pages.js";

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

const sidebar = (page: Page) => page.locator("nav, aside").first();
const menuLabel = (item: Locator) => item.locator(":scope > a span[data-text]").first();
const tagItems = (page: Page) => page.locator('[data-component-name="Menu/MenuItem"].menu-item-type-group');
const main = (page: Page) => page.locator('[data-component-name="Layout/ThreePanelLayout"]').first();

describe.each(LANGUAGES)("the $label page (/$code/)", ({ code }) => {
  const localized = localizedSpec(spec, code);
  const other = LANGUAGES.find((language) => language.code !== code)!;
  const localizedOther = localizedSpec(spec, other.code);
  const summaryOf = (document: Record<string, any>, operationId: string) =>
    listOperations(document).find((entry) => entry.operationId === operationId)!.operation.summary as string;
  const tagLabel = (tag: string) => {
    const declared = (localized.tags ?? []).find((candidate: { name: string }) => candidate.name === tag);
    return (declared?.["x-displayName"] ?? tag) as string;
  };
  let page: Page;

  beforeAll(async () => {
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await page?.close();
  });

  async function open(hash = "") {
    await page.goto(`${server.url}/${code}/${hash}`);
    await waitForRedoc(page);
  }

  /** Opens an operation the way a reader does: its tag in the sidebar, then the operation. */
  async function openOperation(operationId: string) {
    const section = sections.find((candidate) =>
      candidate.operations.some((entry) => entry.operationId === operationId),
    )!;
    const tag = tagItems(page).filter({ has: page.locator(`span[data-text="${tagLabel(section.tag!)}"]`) });
    const item = tag.locator('[data-component-name="Menu/MenuItem"]').filter({
      has: page.locator(`span[data-text="${summaryOf(localized, operationId)}"]`),
    });
    if (!(await item.isVisible())) await menuLabel(tag).click();
    await item.locator("a").first().click();
    await expect
      .poll(() => main(page).locator("h2", { hasText: summaryOf(localized, operationId) }).isVisible())
      .toBe(true);
  }

  it("is in its language and links to the other one", async () => {
    await open();
    expect(await page.getAttribute("html", "lang")).toBe(code);
    await expect.poll(() => page.locator("#language-switch").textContent()).toBe(other.label);
    await page.screenshot({ path: `${screenshots}${code}.png` });
  });

  it("lists every tag of the spec in the sidebar, in the spec's order", async () => {
    await open();
    const labels = await tagItems(page).evaluateAll((items) =>
      items.map((item) => item.querySelector(":scope > a span[data-text]")?.getAttribute("data-text")),
    );
    expect(labels).toEqual(sections.map((section) => tagLabel(section.tag!)));
  });

  it("renders every operation of the spec under its tag, in the spec's order", async () => {
    await open();
    for (const section of sections) {
      const tag = tagItems(page).filter({ has: page.locator(`span[data-text="${tagLabel(section.tag!)}"]`) });
      await menuLabel(tag).click();
      const operationItems = tag.locator('[data-component-name="Menu/Menu"] [data-component-name="Menu/MenuItem"]');
      await expect.poll(() => operationItems.count()).toBe(section.operations.length);
      expect(await operationItems.locator("span[data-text]").allTextContents()).toEqual(
        section.operations.map(({ operationId }) => summaryOf(localized, operationId)),
      );
      for (const { operationId, path } of section.operations) {
        await openOperation(operationId);
        const heading = main(page).locator("h2", { hasText: summaryOf(localized, operationId) });
        await expect.poll(() => heading.isVisible()).toBe(true);
        // Redoc shortens long paths; the operation's own segment is always shown.
        const segment = path.split("/").find((part) => part.includes(operationId)) ?? operationId;
        expect(await main(page).getByText(segment).count()).toBeGreaterThan(0);
      }
    }
  });

  it("shows both participant forms of addGroupParticipant's body", async () => {
    await open();
    await openOperation("addGroupParticipant");
    const { operation } = listOperations(localized).find((entry) => entry.operationId === "addGroupParticipant")!;
    const branches: Record<string, any>[] = firstRequestExample(localized, operation)!.schema.oneOf.map(
      (branch: unknown) => resolve(localized, branch),
    );
    const titles = branches.map((branch) => branch.title as string);
    const switcher = main(page).locator('[role="tablist"]').filter({ has: page.getByRole("tab", { name: titles[0] }) });
    expect(await switcher.getByRole("tab").allTextContents()).toEqual(titles);

    // The phone form is the branch that requires participantPhone; its type comes from the spec.
    const phoneIndex = branches.findIndex((branch) => branch.required?.includes("participantPhone"));
    const phoneType = resolve(localized, branches[phoneIndex]!.properties.participantPhone).type as string;
    const phoneRow = main(page)
      .locator("div", { has: page.getByText("participantPhone", { exact: true }) })
      .filter({ hasText: phoneType })
      .last();
    await switcher.getByRole("tab").nth(phoneIndex).click();
    await expect.poll(() => switcher.getByRole("tab").nth(phoneIndex).getAttribute("aria-selected")).toBe("true");
    await expect.poll(() => phoneRow.isVisible()).toBe(true);
    await page.screenshot({ path: `${screenshots}${code}-addGroupParticipant.png` });
  });

  it("renders addGroupParticipant's responses, 200 and 400 among them", async () => {
    await open();
    await openOperation("addGroupParticipant");
    const { operation } = listOperations(localized).find((entry) => entry.operationId === "addGroupParticipant")!;
    const codes = Object.keys(operation.responses);
    expect(codes).toEqual(expect.arrayContaining(["200", "400"]));
    const tabs = main(page).locator('[data-response-codes-tablist="true"]').first().getByRole("tab");
    expect(await tabs.allTextContents()).toEqual(codes);
    const badRequest = resolve(localized, operation.responses["400"]);
    const firstWords = String(badRequest.description).split(/\s+/).slice(0, 3).join(" ");
    await tabs.filter({ hasText: /^400$/ }).click();
    await expect.poll(() => main(page).getByText(firstWords).first().isVisible()).toBe(true);
  });

  it("finds addGroupParticipant with the search box", async () => {
    await open();
    await sidebar(page).getByRole("button").or(page.getByPlaceholder(/search/i)).first().click();
    await page.keyboard.type("addGroupParticipant");
    const result = page
      .locator('[data-component-name="Search/SearchItem"]')
      .filter({ hasText: summaryOf(localized, "addGroupParticipant") });
    await expect.poll(() => result.first().isVisible()).toBe(true);
    await result.first().click();
    await expect
      .poll(() => main(page).locator("h2", { hasText: summaryOf(localized, "addGroupParticipant") }).isVisible())
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
      .poll(() =>
        main(page).locator("h2", { hasText: summaryOf(localizedOther, "addGroupParticipant") }).isVisible(),
      )
      .toBe(true);
  });
});

describe("the root page", () => {
  it("sends readers to the first language", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForURL(`${server.url}/${LANGUAGES[0]!.code}/`);
    await waitForRedoc(page);
    await page.close();
  });
});
