// The API token travels as a path segment. Whatever Prism or this package writes about a request
// (a log line, a violation, an error detail) is masked with the one masking rule
// (@greenspec/redact) over every path value that is not a literal segment of the spec.
import { redactor } from "@greenspec/redact";

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

/** Masks each value in the text: every spelling, case and 8-character piece of it. */
export function maskValues(text: string, values: readonly string[]): string {
  return redactor(values)(text);
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
