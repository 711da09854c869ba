// Reads what the build wrote into dist/, so tests check the site as it ships.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Json } from "./spec-helpers.js";

export const distDir = fileURLToPath(new URL("../dist", import.meta.url));

export function builtPage(code: string): string {
  const file = `${distDir}/${code}/index.html`;
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`pnpm --filter @greenspec/docs build\` first`);
  }
  return readFileSync(file, "utf8");
}

/** The OpenAPI document a built page hands to Redoc. */
export function builtDefinition(code: string): Json {
  const match = /const __redoc_definition = (.*);\n/.exec(builtPage(code));
  if (!match?.[1]) throw new Error(`dist/${code}/index.html holds no Redoc definition`);
  return JSON.parse(match[1]);
}
