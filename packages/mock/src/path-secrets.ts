// The API token travels as a path segment. Whatever Prism or this package writes about a request
// (a log line, a violation, an error detail) is masked with every spelling of every path value.

/** Shorter values are masked whole only; a leak is 8 or more characters of a value. */
const WINDOW = 8;
const MIN_WHOLE = 4;
const MASK = "***";

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function hexCase(text: string, upper: boolean): string {
  return text.replace(/%[0-9a-fA-F]{2}/g, (hex) => (upper ? hex.toUpperCase() : hex.toLowerCase()));
}

/** Every way a path value may be written: as sent, decoded, re-encoded, either hex case, JSON-escaped. */
export function spellings(raw: string): string[] {
  const decoded = safeDecode(raw);
  const encoded = [raw, encodeURIComponent(decoded), encodeURI(decoded)];
  const forms = new Set<string>([decoded]);
  for (const form of encoded) {
    forms.add(form);
    forms.add(hexCase(form, false));
    forms.add(hexCase(form, true));
  }
  for (const form of [...forms]) forms.add(JSON.stringify(form).slice(1, -1));
  return [...forms].filter((form) => form.length >= MIN_WHOLE);
}

/** Literal segments of the spec's paths: the only segments that are never a secret. */
export function literalSegments(paths: readonly string[]): Set<string> {
  const literals = new Set<string>();
  for (const path of paths) {
    for (const segment of path.split("/")) if (!segment.includes("{")) literals.add(segment);
  }
  return literals;
}

/** The values of a request path worth hiding: every segment that is not a literal one of the spec. */
export function pathValues(pathname: string, literals: ReadonlySet<string>): string[] {
  return pathname.split("/").filter((segment) => segment !== "" && !literals.has(segment));
}

/** Masks each spelling of each value, then every 8-character run of one, so no part survives. */
export function maskValues(text: string, values: readonly string[]): string {
  let out = text;
  const forms = values.flatMap(spellings).sort((a, b) => b.length - a.length);
  for (const form of forms) out = out.split(form).join(MASK);
  for (const form of forms) {
    for (let start = 0; start + WINDOW <= form.length; start++) {
      const run = form.slice(start, start + WINDOW);
      if (out.includes(run)) out = out.split(run).join(MASK);
    }
  }
  return out;
}

/**
 * The path values of the requests in flight, so that a shared log stream can mask whatever a
 * request's handling writes while it runs.
 */
export class InFlightSecrets {
  readonly #values = new Map<number, string[]>();
  #next = 0;

  /** Registers a request's values; call the returned function once the request is done. */
  hold(values: string[]): () => void {
    const id = this.#next++;
    this.#values.set(id, values);
    return () => this.#values.delete(id);
  }

  mask(text: string): string {
    if (this.#values.size === 0) return text;
    return maskValues(text, [...this.#values.values()].flat());
  }
}
