// Bundle size: each entry in bench/entries bundled for the browser the way an app would ship it.
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface BundleSize {
  entry: string;
  minifiedBytes: number;
  gzipBytes: number;
  /** Every input of the minified output, largest first (bytes of output each). */
  inputs: { path: string; bytes: number }[];
}

export const ENTRIES = {
  greenspec: "greenspec.ts",
  "openapi-fetch": "openapi-fetch.ts",
  axios: "axios.ts",
} as const;

export type EntryName = keyof typeof ENTRIES;

/** Bundles one entry (esbuild, browser, ESM, minified) and gzips it at level 9. */
export async function measureBundle(name: EntryName): Promise<BundleSize> {
  // Found from src/ (vitest) and from dist/ (the bench command) alike.
  const entry = fileURLToPath(new URL(`../entries/${ENTRIES[name]}`, import.meta.url));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    legalComments: "none",
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild wrote nothing for ${name}`);
  const meta = Object.values(result.metafile.outputs)[0];
  const inputs = Object.entries(meta?.inputs ?? {})
    .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  return {
    entry: name,
    minifiedBytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength,
    inputs,
  };
}
