// JSON pointers (RFC 6901) in their URI fragment form, `#/paths/~1waInstance.../post`.

/** The pointer of `segments` below `base`. */
export function pointerOf(base: string, ...segments: (string | number)[]): string {
  const escaped = segments.map((s) => String(s).replaceAll("~", "~0").replaceAll("/", "~1"));
  return [base, ...escaped].join("/");
}

/** The keys of a `#/...` pointer, unescaped; undefined when it is not a local pointer. */
export function keysOf(pointer: string): string[] | undefined {
  if (pointer === "#") return [];
  if (!pointer.startsWith("#/")) return undefined;
  try {
    return pointer
      .slice(2)
      .split("/")
      .map((key) => decodeURIComponent(key).replaceAll("~1", "/").replaceAll("~0", "~"));
  } catch {
    return undefined; // a malformed percent-escape: no node has that name
  }
}
