// Small lookups into OpenAPI documents for tests, failing loudly when something is absent.
import { listOperations, type Operation } from "../src/operations.mjs";

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is JSON of any shape.
export type Json = Record<string, any>;

/** The value, or a thrown error naming what was expected. */
export function present<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`expected ${what}`);
  return value;
}

export function operationNamed(document: Json, operationId: string): Operation {
  return present(
    listOperations(document).find((entry) => entry.operationId === operationId),
    `an operation ${operationId}`,
  );
}

export function summaryOf(document: Json, operationId: string): string {
  return String(operationNamed(document, operationId).operation.summary);
}

/** A guide's sections: id (from `{% #id %}`) to heading text. */
export function guideSections(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  for (const match of markdown.matchAll(/^## (.+?) \{% #([\w-]+) %\}$/gm)) {
    sections.set(match[2] ?? "", match[1] ?? "");
  }
  return sections;
}
