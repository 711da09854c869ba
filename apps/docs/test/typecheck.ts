// Type-checks TypeScript snippets as modules of this package, against the real installed types
// of @greenspec/client and @greenspec/mock, without writing them to disk.
import { fileURLToPath } from "node:url";
import ts from "typescript";

const snippetDir = fileURLToPath(new URL("./__snippets__/", import.meta.url));

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2022.d.ts"],
  types: ["node"],
  strict: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  skipLibCheck: true,
};

/** Diagnostics per snippet name; an empty list means the snippet compiles. */
export function typeCheck(snippets: Record<string, string>): Record<string, string[]> {
  const files = new Map(
    Object.entries(snippets).map(([name, source]) => [`${snippetDir}${name}.ts`, source]),
  );
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (fileName, language, ...rest) => {
    const source = files.get(fileName);
    return source === undefined
      ? getSourceFile.call(host, fileName, language, ...rest)
      : ts.createSourceFile(fileName, source, language, true);
  };
  host.fileExists = (fileName) => files.has(fileName) || fileExists.call(host, fileName);
  host.readFile = (fileName) => files.get(fileName) ?? readFile.call(host, fileName);
  const program = ts.createProgram([...files.keys()], options, host);
  const result: Record<string, string[]> = Object.fromEntries(
    Object.keys(snippets).map((name) => [name, []]),
  );
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const fileName = diagnostic.file?.fileName ?? "";
    const name = fileName.startsWith(snippetDir)
      ? fileName.slice(snippetDir.length, -3)
      : "(global)";
    const line =
      diagnostic.file && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1
        : 0;
    const list = result[name] ?? [];
    result[name] = list;
    list.push(`line ${line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`);
  }
  return result;
}
