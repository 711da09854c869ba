// Debian's Chromium driven by playwright-core, with no way out of loopback: every request to
// another host is aborted and recorded, and so is every console error.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export interface Watched {
  /** Requests that tried to leave the machine, aborted. */
  outside: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
}

export interface Browser {
  context: BrowserContext;
  watched: Watched;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), "greenspec-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1400, height: 1000 },
  });
  const watched: Watched = { outside: [], errors: [] };
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (LOOPBACK.has(url.hostname)) return route.continue();
    watched.outside.push(url.href);
    return route.abort("blockedbyclient");
  });
  const watchPage = (page: Page) => {
    page.on("console", (message) => {
      if (message.type() === "error") watched.errors.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => watched.errors.push(`page: ${error.message}`));
  };
  context.pages().forEach(watchPage);
  context.on("page", watchPage);
  return {
    context,
    watched,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves once React has hydrated the server-rendered page, so clicks do something. */
export async function waitForRedoc(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const menu = document.querySelector('[data-component-name="Menu/Menu"]');
      return menu !== null && Object.keys(menu).some((key) => key.startsWith("__reactFiber"));
    },
    undefined,
    { timeout: 30_000 },
  );
}
