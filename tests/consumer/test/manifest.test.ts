import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { importedPackages, isModuleFile } from "../src/imports.js";
import { consumerDir, readJson, repoRoot } from "../src/workspace.js";

const packed = inject("packed");
const REPOSITORY_URL = "git+https://github.com/greenspec/greenspec.git";
const DEPENDENCY_FIELDS = [
  "dependencies",
  "peerDependencies",
  "optionalDependencies",
  "devDependencies",
] as const;

it("finds the published packages (spec, types, client and mock at least)", () => {
  const names = packed.map((pkg) => pkg.name);
  expect(names).toEqual(
    expect.arrayContaining([
      "@greenspec/client",
      "@greenspec/mock",
      "@greenspec/spec",
      "@greenspec/types",
    ]),
  );
});

it("lists every published package as a workspace devDependency, so turbo builds it before these tests", () => {
  const own = readJson(join(consumerDir, "package.json")).devDependencies as Record<string, string>;
  const missing = packed.map((pkg) => pkg.name).filter((name) => own[name] !== "workspace:*");
  expect(
    missing,
    "add them with: pnpm --filter @greenspec/consumer-tests add -D NAME@workspace:*",
  ).toEqual([]);
});

it("gives every published package one version, as the changesets fixed group does", () => {
  const versions = new Set(packed.map((pkg) => pkg.manifest.version));
  expect([...versions]).toHaveLength(1);
});

describe.each(packed.map((pkg) => [pkg.name, pkg] as const))("%s as packed", (_name, pkg) => {
  const { manifest } = pkg;

  it("has a description, the MIT license, keywords and the repository with its folder", () => {
    expect(manifest.description).toEqual(expect.any(String));
    expect(String(manifest.description).length).toBeGreaterThan(20);
    expect(manifest.license).toBe("MIT");
    expect(manifest.keywords).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(manifest.repository).toEqual({ type: "git", url: REPOSITORY_URL, directory: pkg.dir });
  });

  it("declares files, exports and a Node 20 engines range", () => {
    expect(manifest.files).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(manifest.exports).toEqual(expect.any(Object));
    expect(manifest.type).toBe("module");
    const engines = manifest.engines as { node?: string } | undefined;
    expect(engines?.node).toMatch(/^>=\s*20(\.\d+){0,2}$/);
  });

  it("ships its own README and the repository's LICENSE", () => {
    expect(pkg.files).toContain("README.md");
    const readme = readFileSync(join(pkg.contentsDir, "README.md"), "utf8");
    expect(readme).toContain(pkg.name);
    expect(pkg.files).toContain("LICENSE");
    expect(readFileSync(join(pkg.contentsDir, "LICENSE"), "utf8")).toBe(
      readFileSync(join(repoRoot, "LICENSE"), "utf8"),
    );
  });

  it("ships no source, tests or build config, only what it exports", () => {
    const unexpected = pkg.files.filter((file) =>
      /(^|\/)(src|test|tests|node_modules)\/|tsconfig|vitest\.config|\.tsbuildinfo$|^\.reports\//.test(
        file,
      ),
    );
    expect(unexpected).toEqual([]);
  });

  it("keeps no workspace: range in any dependency field", () => {
    for (const field of DEPENDENCY_FIELDS) {
      const ranges = Object.values((manifest[field] as Record<string, string>) ?? {});
      expect(
        ranges.filter((range) => range.startsWith("workspace:")),
        field,
      ).toEqual([]);
    }
  });

  it("declares exactly the packages its shipped code and declarations load", () => {
    const loaded = new Set<string>();
    for (const file of pkg.files.filter(isModuleFile)) {
      for (const name of importedPackages(readFileSync(join(pkg.contentsDir, file), "utf8")))
        loaded.add(name);
    }
    loaded.delete(pkg.name);
    const declared = new Set([
      ...Object.keys((manifest.dependencies as Record<string, string>) ?? {}),
      ...Object.keys((manifest.peerDependencies as Record<string, string>) ?? {}),
    ]);
    const undeclared = [...loaded].filter((name) => !declared.has(name)).sort();
    const unused = [...declared].filter((name) => !loaded.has(name)).sort();
    expect({ undeclared, unused }).toEqual({ undeclared: [], unused: [] });
  });
});
