import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
export const consumerDir = fileURLToPath(new URL("..", import.meta.url));

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  [field: string]: unknown;
}

export interface WorkspacePackage {
  name: string;
  /** Folder relative to the repository root, as `repository.directory` names it. */
  dir: string;
  manifest: Manifest;
}

// Where publishable packages live; apps/ and tests/ are scanned too, so a public one there is not missed.
const PARENTS = ["packages", "apps", "tests"];

export function readJson<T = Manifest>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/** Every workspace package a user can install: each one not marked private. */
export function publicPackages(): WorkspacePackage[] {
  const dirs = [
    join(repoRoot, "spec"),
    ...PARENTS.flatMap((parent) => {
      const path = join(repoRoot, parent);
      if (!existsSync(path)) return [];
      return readdirSync(path, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => join(path, entry.name));
    }),
  ];
  return dirs
    .filter((dir) => existsSync(join(dir, "package.json")))
    .map((dir) => {
      const manifest = readJson(join(dir, "package.json"));
      return { name: manifest.name, dir: relative(repoRoot, dir), manifest };
    })
    .filter((pkg) => pkg.manifest.private !== true)
    .sort((a, b) => a.name.localeCompare(b.name));
}
