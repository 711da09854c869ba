import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** The bundled spec, read the way a test reads fixtures: the client itself never reads it. */
export interface Example {
  value: unknown;
}
export interface Media {
  schema?: unknown;
  examples?: Record<string, Example>;
  encoding?: Record<string, { contentType?: string }>;
}
export interface Operation {
  operationId: string;
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
  "x-greenspec-rate-limit"?: { requestsPerSecond: number };
}

const require = createRequire(import.meta.url);
const raw = JSON.parse(readFileSync(require.resolve("@greenspec/spec/openapi.json"), "utf8"));

/** Follows `#/...` references (the bundle keeps shared responses and examples as refs). */
export function deref<T>(node: T): T {
  let current: unknown = node;
  while (current && typeof current === "object" && "$ref" in current) {
    const pointer = String((current as { $ref: string }).$ref)
      .slice(2)
      .split("/");
    current = pointer.reduce<unknown>(
      (parent, key) => (parent as Record<string, unknown>)[key],
      raw,
    );
  }
  if (Array.isArray(current)) return current.map(deref) as T;
  if (current && typeof current === "object") {
    return Object.fromEntries(Object.entries(current).map(([k, v]) => [k, deref(v)])) as T;
  }
  return current as T;
}

export const spec = deref(raw) as {
  paths: Record<string, Record<string, Operation>>;
  servers: { url: string; variables: { host: { default: string } } }[];
};

export const specOperations: (Operation & { path: string; method: string })[] = Object.entries(
  spec.paths,
).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ ...operation, path, method })),
);
