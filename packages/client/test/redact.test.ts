import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { redactError, redactor } from "../src/redact.js";

const TOKEN = "abc+def/ghi=";

describe("redactor", () => {
  it("masks the token raw and URL-encoded", () => {
    const redact = redactor(TOKEN);
    expect(redact(`/x/${TOKEN}`)).toBe("/x/***");
    expect(redact(`/x/${encodeURIComponent(TOKEN)}?again=${TOKEN}`)).toBe("/x/***?again=***");
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
