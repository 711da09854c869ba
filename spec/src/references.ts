// The one place `$ref`s are followed. Only local references (`#/...`) exist in the bundled
// document; anything else, a reference to nothing, or a chain that comes back on itself fails
// loudly with the pointer where it was met.
import { SpecModelError } from "./errors.js";
import { isObject, type Json, type JsonObject } from "./json.js";
import { keysOf, pointerOf } from "./pointer.js";

export interface Resolver {
  /** The node a `$ref` chain ends at (the node itself when it is no reference). */
  resolve(node: Json | undefined, at: string): Json | undefined;
  /** The node with every `$ref` inside it replaced by its target, recursively. */
  resolveDeep(node: Json | undefined, at: string): Json | undefined;
  /** The pointer of the node a `$ref` chain ends at (`at` itself when it is no reference). */
  pointerOf(node: Json | undefined, at: string): string;
}

export function createResolver(document: JsonObject): Resolver {
  function target(ref: string, at: string): Json {
    const keys = keysOf(ref);
    if (keys === undefined) throw new SpecModelError(`unsupported $ref "${ref}" (only #/... )`, at);
    let node: Json | undefined = document;
    for (const key of keys) {
      node =
        isObject(node) && Object.hasOwn(node, key)
          ? node[key]
          : Array.isArray(node) && /^(0|[1-9]\d*)$/.test(key)
            ? node[Number(key)]
            : undefined;
      if (node === undefined) throw new SpecModelError(`dangling $ref "${ref}"`, at);
    }
    return node;
  }

  function follow(node: Json | undefined, at: string): { node: Json | undefined; at: string } {
    let current = node;
    let where = at;
    const seen: string[] = [];
    while (isObject(current) && typeof current.$ref === "string") {
      const ref = current.$ref;
      if (seen.includes(ref))
        throw new SpecModelError(`cyclic $ref chain ${[...seen, ref].join(" -> ")}`, at);
      seen.push(ref);
      current = target(ref, where);
      where = ref;
    }
    return { node: current, at: where };
  }

  function resolveDeep(node: Json | undefined, at: string, path: string[]): Json | undefined {
    const { node: current, at: where } = follow(node, at);
    if (where !== at && path.includes(where))
      throw new SpecModelError(`cyclic $ref: ${[...path, where].join(" -> ")}`, at);
    const inside = where !== at ? [...path, where] : path;
    if (Array.isArray(current))
      return current.map((item, i) => resolveDeep(item, pointerOf(where, i), inside) as Json);
    if (!isObject(current)) return current;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(current))
      out[key] = resolveDeep(value, pointerOf(where, key), inside) as Json;
    return out;
  }

  return {
    resolve: (node, at) => follow(node, at).node,
    pointerOf: (node, at) => follow(node, at).at,
    resolveDeep: (node, at) => resolveDeep(node, at, []),
  };
}

// Keys whose values are data, not OpenAPI or JSON Schema: a `$ref` key inside them is a value.
const DATA_KEYS = new Set(["example", "enum", "const", "default"]);

/** Follows every `$ref` of the document once, so a bad one fails when the model is made. */
export function checkReferences(document: JsonObject, resolver: Resolver): void {
  const stack: { node: Json; at: string }[] = [{ node: document, at: "#" }];
  // Bounded: each node of the (finite, tree-shaped JSON) document is visited once.
  while (stack.length > 0) {
    const { node, at } = stack.pop() as { node: Json; at: string };
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) stack.push({ node: item, at: pointerOf(at, i) });
    } else if (isObject(node)) {
      if (typeof node.$ref === "string") resolver.resolve(node, at);
      const isExampleObject = /\/examples\/[^/]+$/.test(at);
      for (const [key, value] of Object.entries(node)) {
        if (DATA_KEYS.has(key) || (isExampleObject && key === "value")) continue;
        stack.push({ node: value, at: pointerOf(at, key) });
      }
    }
  }
}
