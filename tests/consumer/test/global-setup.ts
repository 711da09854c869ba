import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { type PackedPackage, packPackage } from "../src/tarball.js";
import { consumerDir, publicPackages } from "../src/workspace.js";

declare module "vitest" {
  export interface ProvidedContext {
    packed: PackedPackage[];
  }
}

/** Packs every public package once into a temporary folder, shared by all test files. */
export default async function setup(project: TestProject) {
  const outDir = mkdtempSync(join(tmpdir(), "greenspec-packed-"));
  const packed: PackedPackage[] = [];
  // One at a time: pnpm pack is quick, and the machine is shared.
  for (const pkg of publicPackages()) packed.push(await packPackage(pkg, outDir));

  const sizes = packed.map(({ name, packedBytes, unpackedBytes, files }) => ({
    name,
    packedBytes,
    unpackedBytes,
    files: files.length,
  }));
  console.log("packed sizes (bytes):");
  console.table(sizes);
  mkdirSync(join(consumerDir, ".reports"), { recursive: true });
  writeFileSync(
    join(consumerDir, ".reports", "packed-sizes.json"),
    `${JSON.stringify(sizes, null, 2)}\n`,
  );

  project.provide("packed", packed);
  return () => rmSync(outDir, { recursive: true, force: true });
}
