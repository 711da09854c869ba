// The bundled document (what every other package consumes), read through the spec model, and the
// source files it came from.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { documentUrls, isObject, model } from "@greenspec/spec/model";
import { parse } from "yaml";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

const specDir = new URL("..", import.meta.url);

/** dist/openapi.json as built by `pnpm build` (turbo runs the build before the tests). */
export const bundled = model.document as JsonObject;

/** The hand-written root document, before bundling. */
export const source = parse(readFileSync(new URL("openapi.yaml", specDir), "utf8")) as JsonObject;

/** File names in spec/paths/. */
export const pathFiles = readdirSync(new URL("paths/", specDir)).sort();

export const bundledSpecPath = fileURLToPath(documentUrls.json);

export function obj(value: Json | undefined, where: string): JsonObject {
  if (!isObject(value)) throw new Error(`${where} is not an object`);
  return value;
}

/** Follows a local `$ref` (`#/components/...`) inside the bundled document, by the model. */
export function deref(value: Json | undefined, where: string): JsonObject {
  return obj(model.resolve(obj(value, where), where) as Json, where);
}

export interface Operation {
  path: string;
  method: string;
  operationId: string;
  op: JsonObject;
}

/** Every operation of the bundled document, in document order. */
export const operations: Operation[] = model.operations.map((operation) => ({
  path: operation.path,
  method: operation.method,
  operationId: operation.id,
  op: operation.raw as JsonObject,
}));
