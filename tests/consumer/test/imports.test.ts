import { describe, expect, it } from "vitest";
import { importedPackages, packageName } from "../src/imports.js";

describe("the import scanner used by the dependency checks", () => {
  it("finds packages in static, dynamic, re-export, require and resolve forms", () => {
    const source = [
      'import { a } from "openapi-fetch";',
      "import type { paths } from '@greenspec/types';",
      'export * from "@scope/pkg/sub/path.js";',
      'import "side-effect";',
      'const lazy = await import("lazy-pkg");',
      'const cjs = require("cjs-pkg");',
      'const spec = createRequire(import.meta.url).resolve("@greenspec/spec/openapi.json");',
      'const meta = import.meta.resolve("meta-pkg");',
      '/// <reference types="typed-pkg" />',
    ].join("\n");
    expect([...importedPackages(source)].sort()).toEqual([
      "@greenspec/spec",
      "@greenspec/types",
      "@scope/pkg",
      "cjs-pkg",
      "lazy-pkg",
      "meta-pkg",
      "openapi-fetch",
      "side-effect",
      "typed-pkg",
    ]);
  });

  it("ignores relative paths, builtins and path.resolve arguments", () => {
    const source = [
      'import { x } from "./x.js";',
      'import { fork } from "node:child_process";',
      'import { readFile } from "fs/promises";',
      'const dir = path.resolve("dist");',
      'import { y } from "#internal";',
    ].join("\n");
    expect(importedPackages(source).size).toBe(0);
  });

  it("reduces a deep specifier to its package name", () => {
    expect(packageName("@stoplight/prism-http/dist/index.js")).toBe("@stoplight/prism-http");
    expect(packageName("yaml/util")).toBe("yaml");
    expect(packageName("path")).toBeUndefined();
  });
});
