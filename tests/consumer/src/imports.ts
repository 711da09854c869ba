import { builtinModules } from "node:module";

// Static and dynamic imports, re-exports, require/resolve calls and `/// <reference types>`.
const SPECIFIER_PATTERNS = [
  /\bfrom\s*["']([^"'\s]+)["']/g,
  /\bimport\s*["']([^"'\s]+)["']/g,
  /\bimport\s*\(\s*["']([^"'\s]+)["']\s*\)/g,
  /\brequire\s*\(\s*["']([^"'\s]+)["']\s*\)/g,
  // require.resolve, import.meta.resolve and createRequire(...).resolve; not path.resolve.
  /(?:\brequire|\bimport\.meta|\))\.resolve\s*\(\s*["']([^"'\s]+)["']/g,
  /<reference\s+types\s*=\s*["']([^"'\s]+)["']/g,
];

const BUILTINS = new Set(builtinModules);

/** The npm package names a JavaScript or declaration file loads, builtins and relative paths left out. */
export function importedPackages(source: string): Set<string> {
  const names = new Set<string>();
  for (const pattern of SPECIFIER_PATTERNS) {
    for (const match of source.matchAll(pattern)) {
      const name = packageName(match[1] ?? "");
      if (name !== undefined) names.add(name);
    }
  }
  return names;
}

/** `@scope/name/sub/path` -> `@scope/name`; undefined for relative, absolute, `#` and builtin specifiers. */
export function packageName(specifier: string): string | undefined {
  if (specifier === "" || /^[./#]/.test(specifier) || specifier.startsWith("node:"))
    return undefined;
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
  if (name === undefined || BUILTINS.has(name)) return undefined;
  return name;
}

/** Files whose text is code or declarations that a consumer's runtime or compiler loads. */
export function isModuleFile(path: string): boolean {
  return /\.(?:[cm]?js|d\.[cm]?ts)$/.test(path);
}
