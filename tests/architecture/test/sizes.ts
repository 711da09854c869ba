// Measures the hand-written product files: how many lines each file has and how many each
// function spans, so test/sizes.test.ts can hold them to the house limits.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/** Where hand-written product code lives (tests, generated code and build output excluded). */
const PRODUCT_DIRS =
  /^(?:packages\/[^/]+\/(?:src|scripts)|spec\/src|apps\/docs\/(?:src|scripts)|bench\/src|scripts)\//;
const SOURCE = /\.(?:ts|mts|mjs|js)$/;
const NOT_PRODUCT = /(?:^|\/)(?:generated|dist|test|tests|__tests__)\/|\.test(?:-d)?\.[mc]?[jt]s$/;

/** The repository's git-tracked hand-written product files, relative to `root`. */
export function productFiles(root: string): string[] {
  const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" });
  return tracked
    .split("\0")
    .filter((path) => PRODUCT_DIRS.test(path) && SOURCE.test(path) && !NOT_PRODUCT.test(path));
}

/** Lines as `wc -l` counts them, plus a last line without its newline. */
export function lineCount(text: string): number {
  if (text === "") return 0;
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

/** `file (N lines)` when `text` is over `maxLines`, else undefined. */
export function longFile(file: string, text: string, maxLines: number): string | undefined {
  const lines = lineCount(text);
  return lines > maxLines ? `${file} (${lines} lines)` : undefined;
}

export interface FunctionSpan {
  /** `file:line`, where the function starts. */
  where: string;
  name: string;
  lines: number;
}

function scriptKind(file: string): ts.ScriptKind {
  return /\.[mc]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

const isFunction = (node: ts.Node): node is ts.FunctionLikeDeclaration =>
  ts.isFunctionDeclaration(node) ||
  ts.isMethodDeclaration(node) ||
  ts.isArrowFunction(node) ||
  ts.isFunctionExpression(node) ||
  ts.isGetAccessorDeclaration(node) ||
  ts.isSetAccessorDeclaration(node) ||
  ts.isConstructorDeclaration(node);

/** A function's own name, or the name of what it is assigned to. */
function nameOf(node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string {
  if (node.name) return node.name.getText(source);
  if (ts.isConstructorDeclaration(node)) return "constructor";
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && parent.name)
    return parent.name.getText(source);
  return "(anonymous)";
}

/** Every function of `text` (nested ones too) with the lines it spans, first line to last. */
export function functionSpans(file: string, text: string): FunctionSpan[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
  const spans: FunctionSpan[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunction(node)) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      spans.push({
        where: `${file}:${first + 1}`,
        name: nameOf(node, source),
        lines: last - first + 1,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return spans;
}

/** The functions of `text` longer than `maxLines`, as `file:line name (N lines)`. */
export function longFunctions(file: string, text: string, maxLines: number): string[] {
  return functionSpans(file, text)
    .filter((span) => span.lines > maxLines)
    .map((span) => `${span.where} ${span.name} (${span.lines} lines)`);
}

/** The text of a repository file. */
export function readText(root: string, file: string): string {
  return readFileSync(join(root, file), "utf8");
}
