// The house limits on size: no hand-written product file over 300 lines, and no function over
// 80 lines in the client, the mock and the emulator. The measures are tried on made-up input
// first, so a rule that could never fire is caught.
import { describe, expect, it } from "vitest";
import {
  functionSpans,
  lineCount,
  longFile,
  longFunctions,
  productFiles,
  readText,
} from "./sizes.js";
import { repoRoot } from "./workspace.js";

const MAX_FILE_LINES = 300;
const MAX_FUNCTION_LINES = 80;
/** Where every function is measured (src and scripts). */
const FUNCTIONS_MEASURED = /^packages\/(?:client|mock|emulator)\/(?:src|scripts)\//;

const files = productFiles(repoRoot);

/** `file (N lines)` for every product file over the limit. */
function longFiles(): string[] {
  return files.flatMap((file) => longFile(file, readText(repoRoot, file), MAX_FILE_LINES) ?? []);
}

/** `file:line name (N lines)` for every measured function over the limit. */
function longUnits(): string[] {
  return files
    .filter((file) => FUNCTIONS_MEASURED.test(file))
    .flatMap((file) => longFunctions(file, readText(repoRoot, file), MAX_FUNCTION_LINES));
}

describe("the measures", () => {
  it("count lines as wc -l does, with a last line lacking its newline", () => {
    expect(lineCount("")).toBe(0);
    expect(lineCount("a\nb\n")).toBe(2);
    expect(lineCount("a\nb")).toBe(2);
    expect(lineCount("x\n".repeat(301))).toBe(301);
  });

  it("find a made-up file over the limit, and let one at the limit pass", () => {
    expect(longFile("big.ts", "x\n".repeat(301), 300)).toBe("big.ts (301 lines)");
    expect(longFile("fits.ts", "x\n".repeat(300), 300)).toBeUndefined();
  });

  it("find every kind of function over the limit in a made-up file, by file:line and length", () => {
    const body = (n: number) => "  x++;\n".repeat(n - 2);
    const text = [
      `function declared() {\n${body(81)}}`,
      `const arrow = () => {\n${body(81)}};`,
      `const expressed = function () {\n${body(81)}};`,
      `class C {\n  method() {\n${body(81)}  }\n  get getter() {\n${body(81)}  }\n}`,
      `function short() {\n${body(80)}}`,
    ].join("\n");
    const found = longFunctions("made-up.ts", text, 80);
    expect(found).toEqual([
      "made-up.ts:1 declared (81 lines)",
      "made-up.ts:82 arrow (81 lines)",
      "made-up.ts:163 expressed (81 lines)",
      "made-up.ts:245 method (81 lines)",
      "made-up.ts:326 getter (81 lines)",
    ]);
  });

  it("read JavaScript files too, and measure nested functions on their own", () => {
    const text = `export function outer() {\n  return function inner() {\n${"  1;\n".repeat(3)}  };\n}\n`;
    expect(
      functionSpans("made-up.mjs", text).map((s) => `${s.where} ${s.name} ${s.lines}`),
    ).toEqual(["made-up.mjs:1 outer 7", "made-up.mjs:2 inner 5"]);
  });

  it("list hand-written product files only: no test, no generated code, no build output", () => {
    expect(files).toEqual(expect.arrayContaining(["packages/mock/src/mock-handler.ts"]));
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((file) => /\/(test|generated|dist)\/|\.test\./.test(file))).toEqual([]);
  });
});

describe("the size rules", () => {
  it(`no hand-written product file is over ${MAX_FILE_LINES} lines`, () => {
    expect(longFiles()).toEqual([]);
  });

  it(`no function in the client, the mock or the emulator is over ${MAX_FUNCTION_LINES} lines`, () => {
    expect(longUnits()).toEqual([]);
  });
});
