import { describe, expect, it } from "vitest";
import { echoesOf, leakedPieces, MASK, redactDeep, redactor } from "../src/index.js";

// A real token's shape (50 hex-like characters), one with reserved characters, a space and a
// non-ASCII letter (every URL spelling differs), and one in mixed case.
const TOKENS = [
  "d75b3a66374942c5b3c019c698abc2067e151558acbd412345",
  "tok/en?#&=+% é x;A1b2C3d4",
  "S3cr3t-T0ken+/=42AbCd",
];

describe("redactor on a secret long enough to be real", () => {
  for (const token of TOKENS)
    for (const [name, echo] of echoesOf(token))
      for (const [place, wrap] of [
        ["alone", (text: string) => text],
        ["in a sentence", (text: string) => `HTTP 400 Cannot POST /waInstance1/x/${text} today`],
        ["in JSON", (text: string) => JSON.stringify({ description: text, [text]: 1 })],
      ] as const)
        it(`masks ${JSON.stringify(token)} echoed ${name}, ${place}`, () => {
          const masked = redactor(token)(wrap(echo));
          expect(masked).toContain(MASK);
          expect(leakedPieces(token, masked)).toEqual([]);
        });

  it("masks any piece of 8 characters, and leaves 7 alone", () => {
    const token = TOKENS[0] as string;
    const redact = redactor(token);
    for (let start = 0; start + 8 <= token.length; start++)
      expect(redact(`x ${token.slice(start, start + 8)} y`)).toBe(`x ${MASK} y`);
    expect(redact(token.slice(0, 7))).toBe(token.slice(0, 7));
  });

  it("keeps the words around a secret as they are", () => {
    const token = TOKENS[0] as string;
    expect(redactor(token)(`HTTP 429 Too Many Requests at http://h.test/a/${token}?q=1`)).toBe(
      `HTTP 429 Too Many Requests at http://h.test/a/${MASK}?q=1`,
    );
  });

  it("masks several secrets at once", () => {
    const redact = redactor(["1101000001", TOKENS[0]]);
    expect(redact(`/waInstance1101000001/x/${TOKENS[0]}`)).toBe(`/waInstance${MASK}/x/${MASK}`);
  });

  it("masks a 4 MB text in one pass, in bounded time", () => {
    const token = "k".repeat(40);
    const text = `${"x".repeat(4_000_000)}${token.toUpperCase()}`;
    const started = performance.now();
    expect(redactor(token)(text).endsWith(`x${MASK}`)).toBe(true);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe("redactor on a secret too short to be real", () => {
  for (const token of ["any", "t", "Many"])
    it(`masks ${JSON.stringify(token)} only as a URL path segment, never inside our own words`, () => {
      const redact = redactor(token);
      expect(redact("HTTP 429 Too Many Requests")).toBe("HTTP 429 Too Many Requests");
      expect(redact("see http://h.test/ and https://x")).toBe("see http://h.test/ and https://x");
      expect(redact(`POST http://h.test/waInstance1/getGroupData/${token}`)).toBe(
        `POST http://h.test/waInstance1/getGroupData/${MASK}`,
      );
      expect(redact(`/x/${encodeURIComponent(token).toUpperCase()}?a=1`)).toBe(`/x/${MASK}?a=1`);
    });

  it("leaves text alone when there is no secret", () => {
    expect(redactor("")("plain")).toBe("plain");
    expect(redactor(undefined)("plain")).toBe("plain");
    expect(redactor([])("plain")).toBe("plain");
  });
});

describe("redactDeep", () => {
  it("masks every string of a parsed body, keys included, and cuts what is too deep", () => {
    const token = TOKENS[0] as string;
    const redact = redactor(token);
    const body = JSON.parse(JSON.stringify({ [token]: [{ a: `x${token.toUpperCase()}` }], n: 1 }));
    expect(redactDeep(body, redact)).toEqual({ [MASK]: [{ a: `x${MASK}` }], n: 1 });
    let nested: unknown = token;
    for (let i = 0; i < 5000; i++) nested = [nested];
    expect(JSON.stringify(redactDeep(nested, redact))).toContain("[too deep]");
  });
});
