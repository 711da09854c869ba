import { mkdirSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { run } from "./run.js";
import { type Manifest, readJson, repoRoot, type WorkspacePackage } from "./workspace.js";

export interface PackedPackage {
  name: string;
  /** Folder in the repository, relative to its root. */
  dir: string;
  /** The .tgz that `pnpm pack` wrote, as a registry would serve it. */
  tarball: string;
  /** Size of the .tgz in bytes. */
  packedBytes: number;
  /** Total size of the files inside, in bytes. */
  unpackedBytes: number;
  /** Where the tarball was extracted (its `package/` folder). */
  contentsDir: string;
  /** Paths inside the package, with `/` separators. */
  files: string[];
  /** The manifest as published: pnpm has replaced `workspace:` ranges. */
  manifest: Manifest;
}

const PACK_TIMEOUT_MS = 60_000;

/** Packs one package with `pnpm pack` (as `pnpm publish` would) and extracts it beside the .tgz. */
export async function packPackage(pkg: WorkspacePackage, outDir: string): Promise<PackedPackage> {
  const cwd = join(repoRoot, pkg.dir);
  const packed = await run("pnpm", ["pack", "--pack-destination", outDir, "--json"], {
    cwd,
    timeoutMs: PACK_TIMEOUT_MS,
  });
  if (packed.code !== 0) throw new Error(`pnpm pack failed in ${pkg.dir}:\n${packed.stderr}`);
  const tarball = (JSON.parse(packed.stdout) as { filename: string }).filename;

  const extractDir = join(outDir, "contents", pkg.name.replace("/", "__"));
  mkdirSync(extractDir, { recursive: true });
  const extracted = await run("tar", ["-xzf", tarball, "-C", extractDir], {
    cwd: outDir,
    timeoutMs: PACK_TIMEOUT_MS,
  });
  if (extracted.code !== 0) throw new Error(`tar could not read ${tarball}:\n${extracted.stderr}`);

  const contentsDir = join(extractDir, "package");
  const files = listFiles(contentsDir).map((path) =>
    relative(contentsDir, path).replaceAll("\\", "/"),
  );
  return {
    name: pkg.name,
    dir: pkg.dir,
    tarball,
    packedBytes: statSync(tarball).size,
    unpackedBytes: files.reduce((sum, file) => sum + statSync(join(contentsDir, file)).size, 0),
    contentsDir,
    files: files.sort(),
    manifest: readJson(join(contentsDir, "package.json")),
  };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}
