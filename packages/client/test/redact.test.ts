import { inspect } from "node:util";
import { redactDeep, redactor } from "@greenspec/redact";
import { describe, expect, it } from "vitest";
import { redactError } from "../src/redact.js";

const TOKEN = "abc+def/ghi=";

describe("redactor", () => {
  it("masks the token raw and URL-encoded", () => {
    const redact = redactor(TOKEN);
    expect(redact(`/x/${TOKEN}`)).toBe("/x/***");
    expect(redact(`/x/${encodeURIComponent(TOKEN)}?again=${TOKEN}`)).toBe("/x/***?again=***");
  });
  it("masks the URL-encoded token in lowercase hex, decoded, and JSON-escaped", () => {
    const token = 'a/b?c#d"e f%';
    const redact = redactor(token);
    const lower = encodeURIComponent(token).replace(/%[\dA-F]{2}/g, (h) => h.toLowerCase());
    expect(redact(`x ${lower} y`)).toBe("x *** y");
    expect(redact(`x ${JSON.stringify(token)} y`)).toBe('x "***" y');
    expect(redact(`x ${encodeURI(token)} y`)).toBe("x *** y");
  });
  it("masks any piece of 8 characters or more, wherever it is cut", () => {
    const redact = redactor(TOKEN);
    expect(redact(`cut: ${TOKEN.slice(0, 8)}`)).toBe("cut: ***");
    expect(redact(`cut: ${TOKEN.slice(2, 11)}!`)).toBe("cut: ***!");
    expect(redact(`${TOKEN}${TOKEN}`)).toBe("***");
    // Seven characters are not the token: text that shares them is left alone.
    expect(redact(TOKEN.slice(0, 7))).toBe(TOKEN.slice(0, 7));
  });
  it("masks a long text in one pass, in bounded time", () => {
    const redact = redactor("k".repeat(40));
    const text = `${"x".repeat(4_000_000)}${"k".repeat(40)}`;
    const started = performance.now();
    expect(redact(text).endsWith("x***")).toBe(true);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
  it("leaves text alone when there is no token", () => {
    expect(redactor("")("plain")).toBe("plain");
    expect(redactor(undefined)("plain")).toBe("plain");
  });
});

describe("redactError", () => {
  it("copies a cause chain with the token masked and no other properties", () => {
    const inner = Object.assign(new Error(`connect to /${TOKEN} failed`), {
      code: "ECONNRESET",
      socket: { path: TOKEN },
    });
    const outer = new TypeError(`fetch /${encodeURIComponent(TOKEN)}`, { cause: inner });
    const copy = redactError(outer, redactor(TOKEN));
    expect(copy.name).toBe("TypeError");
    expect(copy.message).toBe("fetch /***");
    expect((copy.cause as Error & { code?: string }).code).toBe("ECONNRESET");
    const text = inspect(copy, { depth: 10, showHidden: true });
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(encodeURIComponent(TOKEN));
    expect(text).not.toContain("socket");
  });
  it("copes with thrown non-errors and cause cycles", () => {
    expect(redactError(`oops ${TOKEN}`, redactor(TOKEN)).message).toBe("oops ***");
    const a: Error & { cause?: unknown } = new Error("a");
    a.cause = a;
    expect(() => redactError(a, redactor(TOKEN))).not.toThrow();
  });
});

describe("redactDeep", () => {
  it("masks every string of a parsed body, keys included, and cuts what is too deep", () => {
    const redact = redactor(TOKEN);
    const deep = JSON.parse(JSON.stringify({ [TOKEN]: [{ a: `x${TOKEN}` }], n: 1 }));
    expect(redactDeep(deep, redact)).toEqual({ "***": [{ a: "x***" }], n: 1 });
    let nested: unknown = TOKEN;
    for (let i = 0; i < 50; i++) nested = [nested];
    expect(JSON.stringify(redactDeep(nested, redact))).not.toContain(TOKEN);
  });
});
