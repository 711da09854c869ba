import { inspect } from "node:util";
import { expect } from "vitest";

const lowerHex = (text: string) => text.replace(/%[\dA-F]{2}/g, (hex) => hex.toLowerCase());

/** Every 8-character piece of the token as sent and as a server may echo it. */
export function tokenPieces(token: string): Set<string> {
  const forms = [token, encodeURIComponent(token), encodeURI(token)];
  const pieces = new Set<string>();
  for (const form of [...forms, ...forms.map(lowerHex)])
    for (let i = 0; i + 8 <= form.length; i++) pieces.add(form.slice(i, i + 8));
  return pieces;
}

/** Every string a caller can get out of a value: views of it, and each field, deep. */
export function surfacesOf(value: unknown): string[] {
  const out: string[] = [
    inspect(value, { depth: 20, showHidden: true, maxStringLength: null }),
    String(value),
  ];
  try {
    out.push(JSON.stringify(value) ?? "");
  } catch {}
  const seen = new Set<unknown>();
  const walk = (node: unknown, depth: number) => {
    if (typeof node === "string") return void out.push(node);
    if (!node || typeof node !== "object" || seen.has(node) || depth > 20) return;
    seen.add(node);
    if (node instanceof Error) out.push(String(node.stack), node.message, String(node));
    for (const key of Reflect.ownKeys(node)) {
      out.push(String(key));
      walk((node as Record<PropertyKey, unknown>)[key], depth + 1);
    }
  };
  walk(value, 0);
  return out;
}

/** Fails when any 8-character piece of the token shows on any surface of `value`. */
export function expectNoLeak(value: unknown, token: string, label = "") {
  const pieces = tokenPieces(token);
  for (const text of surfacesOf(value))
    for (const piece of pieces)
      if (text.includes(piece))
        expect.fail(`${label} leaks "${piece}" of the token in: ${text.slice(0, 300)}`);
}
