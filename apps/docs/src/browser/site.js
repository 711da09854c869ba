// The site's own script, shared by every language's page (its data is the page's JSON in
// #greenspec-page). It runs before Redoc hydrates and keeps watching the page, because Redoc
// re-renders: route links get real addresses (#/...), Russian pages get Russian interface text,
// guide code gets a copy button and highlighting, and deep links to a response scroll to it.
import { interfaceTranslator } from "./interface-translator.js";

(() => {
  const dataElement = document.getElementById("greenspec-page");
  /** @type {{ lang: string, otherHref: string, labels: Record<string, string>, text: Record<string, string>, prefixes: Record<string, string>, joins?: Record<string, string>, branchExamples: Record<string, string[]>, samples: Record<string, Record<string, string>>, search?: { intro: string, sections: { id: string, title: string, text: string }[] } }} */
  const data = JSON.parse(dataElement?.textContent ?? "{}");
  const labels = data.labels ?? {};
  const text = data.text ?? {};
  const samples = data.samples ?? {};
  const branchExamples = data.branchExamples ?? {};
  const translated = interfaceTranslator(data);

  /** @type {any} */ (globalThis).greenspec = {
    /** Redoc's translation hook: the page's label for a key, else for the English text. */
    translate: (/** @type {string} */ key, /** @type {string | undefined} */ fallback) =>
      labels[key] ?? (fallback === undefined ? undefined : text[fallback.trim()]),
    /** The sample of the example the reader picked, when it differs from the first one. */
    sampleFor: (
      /** @type {string} */ source,
      /** @type {string | undefined} */ example,
      /** @type {unknown} */ payload,
    ) => {
      void payload;
      return example === undefined ? undefined : samples[source]?.[example];
    },
    /**
     * Redoc's search documents with the description split by section: the description's own
     * document keeps its opening prose, and each section is a document that opens the section.
     */
    searchDocuments: (/** @type {Record<string, any>[]} */ documents) => {
      const sections = data.search?.sections ?? [];
      const root = documents.find((document) => document.kind === "root");
      if (!root || sections.length === 0) return undefined;
      const path = root.title ? [root.title] : [];
      return [
        ...documents.map((document) =>
          document === root ? { ...document, text: data.search?.intro ?? "" } : document,
        ),
        ...sections.map(({ id, title, text }) => ({
          id: `/${id}`,
          url: `/${id}`,
          title,
          text,
          path,
          kind: "group",
        })),
      ];
    },
  };

  const CODE = "pre, code, script, style, textarea, [data-greenspec-keep]";

  /** @param {Element} root */
  function fixLinks(root) {
    for (const link of root.querySelectorAll('a[href^="/"]')) {
      const href = link.getAttribute("href") ?? "";
      // Redoc's routes are hash routes; an address opened in a new tab must carry the hash.
      if (!href.startsWith("//")) link.setAttribute("href", `#${href}`);
    }
  }

  /** @param {Node} root */
  function translateText(root) {
    if (!translated) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(CODE)) continue;
      const value = node.nodeValue ?? "";
      const result = value.trim() ? translated(value) : undefined;
      if (result !== undefined && result !== value) node.nodeValue = result;
    }
    if (!(root instanceof Element)) return;
    for (const element of [
      root,
      ...root.querySelectorAll("[aria-label], [title], [placeholder]"),
    ]) {
      for (const name of ["aria-label", "title", "placeholder"]) {
        const value = element.getAttribute(name);
        const result = value ? translated(value) : undefined;
        if (result !== undefined && result !== value) element.setAttribute(name, result);
      }
    }
  }

  // One left-to-right scan, so a "//" inside a string stays part of the string.
  const TOKENS =
    /(?<comment>\/\/[^\n]*|(?<=^|\s)#[^\n]*)|(?<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)|(?<number>\b\d[\d_]*(?:\.\d+)?\b)|(?<keyword>\b(?:import|from|export|const|let|var|await|async|function|return|if|else|try|catch|finally|throw|new|switch|case|default|break|for|of|in|instanceof|typeof|true|false|null|undefined|curl|pnpm|npm|npx)\b)/gm;

  /** Colours a guide code block with CSS highlights, leaving Redoc's DOM untouched. */
  function highlight(/** @type {HTMLElement} */ pre) {
    const registry = /** @type {any} */ (globalThis.CSS)?.highlights;
    const Highlight = /** @type {any} */ (globalThis).Highlight;
    const node = pre.firstChild;
    if (!registry || !Highlight || !node || node.nodeType !== Node.TEXT_NODE) return;
    for (const match of (node.nodeValue ?? "").matchAll(TOKENS)) {
      const kind = Object.entries(match.groups ?? {}).find(([, value]) => value !== undefined)?.[0];
      if (!kind) continue;
      const name = `greenspec-${kind}`;
      const set = registry.get(name) ?? new Highlight();
      registry.set(name, set);
      const range = document.createRange();
      range.setStart(node, match.index ?? 0);
      range.setEnd(node, (match.index ?? 0) + match[0].length);
      set.add(range);
    }
  }

  /** @param {Element} root */
  function enhanceGuideCode(root) {
    for (const pre of root.querySelectorAll("pre[data-language]")) {
      if (!(pre instanceof HTMLElement) || pre.closest(".panel-request-samples")) continue;
      if (pre.dataset.greenspecCode === pre.textContent) continue;
      pre.dataset.greenspecCode = pre.textContent ?? "";
      highlight(pre);
      const next = pre.nextElementSibling;
      if (next?.classList.contains("greenspec-copy")) continue;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "greenspec-copy";
      button.dataset.greenspecKeep = "";
      const label = labels["codeSnippet.copy.tooltipText"] ?? "Copy";
      button.textContent = label;
      button.setAttribute("aria-label", label);
      button.addEventListener("click", async () => {
        await navigator.clipboard.writeText(pre.textContent ?? "");
        button.textContent = labels["codeSnippet.copy.toasterText"] ?? "Copied";
        setTimeout(() => {
          button.textContent = label;
        }, 1500);
      });
      pre.insertAdjacentElement("afterend", button);
    }
  }

  /** The language switch keeps the reader's place: every section has the same id in both. */
  function updateSwitch() {
    const link = document.getElementById("language-switch");
    if (link) link.setAttribute("href", `${data.otherHref}${location.hash}`);
  }

  /** A deep link to a response (#/op#op/responses&c=466) scrolls to that response's tab. */
  function scrollToResponse() {
    const code = /(?:\/responses?|[/&#]t=response)&c=(\w+)/.exec(location.hash)?.[1];
    if (!code) return;
    const operationId = /^#\/([^#]+)/.exec(location.hash)?.[1]?.toLowerCase();
    let tries = 0;
    const attempt = () => {
      const scope = (operationId && document.getElementById(operationId)) || document;
      const tab = [
        ...scope.querySelectorAll('[data-response-codes-tablist="true"] [role="tab"]'),
      ].find(
        (candidate) =>
          candidate.textContent?.trim() === code &&
          candidate.getAttribute("aria-selected") === "true",
      );
      if (tab) tab.scrollIntoView({ block: "start" });
      else if (tries++ < 100) setTimeout(attempt, 100);
    };
    attempt();
  }

  /**
   * Picking a oneOf branch of the request body (By phone number) picks the example that fits it
   * in the operation's sample panel, so the code sample follows the body.
   * @param {Event} event
   */
  function followBranch(event) {
    const tab = event.target instanceof Element ? event.target.closest('[role="tab"]') : null;
    const wanted = tab ? branchExamples[tab.textContent?.trim() ?? ""] : undefined;
    if (!tab || !wanted?.length) return;
    let operation = tab.parentElement;
    while (operation && !operation.querySelector(".panel-request-samples")) {
      operation = operation.parentElement;
    }
    const button = operation
      ?.querySelector(".panel-request-samples")
      ?.querySelector('button[aria-haspopup="menu"][aria-label]:not([data-testid])');
    if (!(button instanceof HTMLElement) || wanted.includes(button.textContent?.trim() ?? ""))
      return;
    button.click();
    let tries = 0;
    const choose = () => {
      const item = [...document.querySelectorAll('[role="menuitem"]')].find((candidate) =>
        wanted.includes(candidate.textContent?.trim() ?? ""),
      );
      if (item instanceof HTMLElement) item.click();
      else if (tries++ < 20) requestAnimationFrame(choose);
    };
    requestAnimationFrame(choose);
  }

  /**
   * The static preview of a linked operation (written by the build, shown while the page is
   * parsed) goes once Redoc has rendered that operation or taken over the page, or the reader
   * moves elsewhere.
   */
  function watchPreview() {
    const preview = document.getElementById("greenspec-preview");
    if (!preview) return;
    const hash = location.hash;
    const id = /^#\/([^#?&]+)/.exec(hash)?.[1]?.toLowerCase();
    let tries = 0;
    // A cheap check every 100 ms (no layout query, so Redoc's rendering is not slowed down).
    const check = () => {
      const menu = document.querySelector('[data-component-name="Menu/Menu"]');
      const hydrated = menu && Object.keys(menu).some((key) => key.startsWith("__reactFiber"));
      if (
        location.hash !== hash ||
        hydrated ||
        (id && document.getElementById(id)) ||
        tries++ > 600
      ) {
        preview.remove();
      } else {
        setTimeout(check, 100);
      }
    };
    check();
  }

  function pass(/** @type {Element} */ root) {
    fixLinks(root);
    translateText(root);
    enhanceGuideCode(root);
  }

  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === "characterData" && mutation.target.parentElement) {
        translateText(mutation.target);
      } else if (mutation.target instanceof Element) {
        pass(mutation.target);
      }
    }
  });
  pass(document.body);
  updateSwitch();
  watchPreview();
  observer.observe(document.body, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ["href", "aria-label", "title", "placeholder"],
  });
  addEventListener("hashchange", () => {
    updateSwitch();
    scrollToResponse();
  });
  // Redoc's router moves with history.pushState, which fires no event: follow it there too.
  for (const method of /** @type {const} */ (["pushState", "replaceState"])) {
    const original = history[method].bind(history);
    history[method] = (
      /** @type {any} */ state,
      /** @type {string} */ unused,
      /** @type {string | URL | null | undefined} */ url,
    ) => {
      original(state, unused, url);
      updateSwitch();
    };
  }
  addEventListener("popstate", updateSwitch);
  document.addEventListener("click", followBranch);
  addEventListener("load", scrollToResponse);
})();
