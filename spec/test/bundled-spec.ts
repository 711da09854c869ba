// The bundled document (what every other package consumes) and the source files it came from.
import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

const specDir = new URL("..", import.meta.url);

/** dist/openapi.json as built by `pnpm build` (turbo runs the build before the tests). */
export const bundled = JSON.parse(
  readFileSync(new URL("dist/openapi.json", specDir), "utf8"),
) as JsonObject;

/** The hand-written root document, before bundling. */
export const source = parse(readFileSync(new URL("openapi.yaml", specDir), "utf8")) as JsonObject;

/** File names in spec/paths/. */
export const pathFiles = readdirSync(new URL("paths/", specDir)).sort();

export const bundledSpecPath = new URL("dist/openapi.json", specDir).pathname;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function obj(value: Json | undefined, where: string): JsonObject {
  if (!isObject(value)) throw new Error(`${where} is not an object`);
  return value;
}

/** Follows a local `$ref` (`#/components/...`) inside the bundled document. */
export function deref(value: Json | undefined, where: string): JsonObject {
  const node = obj(value, where);
  const ref = node.$ref;
  if (typeof ref !== "string") return node;
  let target: Json | undefined = bundled;
  for (const part of ref.replace(/^#\//, "").split("/")) {
    target = obj(target, ref)[part.replaceAll("~1", "/").replaceAll("~0", "~")];
  }
  return obj(target, ref);
}

export interface Operation {
  path: string;
  method: string;
  operationId: string;
  op: JsonObject;
}

/** Every operation of the bundled document, in document order. */
export const operations: Operation[] = Object.entries(obj(bundled.paths, "paths")).flatMap(
  ([path, item]) =>
    Object.entries(obj(item, path)).map(([method, op]) => {
      const operation = obj(op, `${method} ${path}`);
      return { path, method, operationId: String(operation.operationId), op: operation };
    }),
);
