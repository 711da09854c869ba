// Faults a test asks for: the next N calls of an operation (or N calls after the next M) answer
// with a given status and body, drop the connection, or answer late.

export interface FailOptions {
  /** The status to answer with; one the spec documents for the operation. */
  status?: number;
  /** The body; the spec's first example for `status` when left out. Must match the spec's schema. */
  body?: unknown;
  /** Drop the connection instead of answering (fetch rejects as on a network error). */
  reset?: boolean;
  /** Wait this many real milliseconds first; alone, the call is then carried out as usual. */
  delay?: number;
  /** How many of the next calls fail so (default 1). */
  times?: number;
  /** Let this many calls of the operation through first (default 0): a fault in mid-flow. */
  after?: number;
}

export interface Fault {
  status: number | undefined;
  body: unknown;
  reset: boolean;
  delay: number;
  left: number;
  /** Calls still to let through before this fault lands. */
  after: number;
}

export class Faults {
  private byOperation = new Map<string, Fault[]>();

  add(operation: string, fault: Fault): void {
    const queue = this.byOperation.get(operation) ?? [];
    queue.push(fault);
    this.byOperation.set(operation, queue);
  }

  /** The fault for the next call of `operation`, if one is pending (each counts down once). */
  take(operation: string): Fault | undefined {
    const queue = this.byOperation.get(operation);
    const fault = queue?.[0];
    if (!queue || !fault) return undefined;
    if (fault.after > 0) {
      fault.after--;
      return undefined;
    }
    fault.left--;
    if (fault.left <= 0) queue.shift();
    return fault;
  }

  clear(): void {
    this.byOperation.clear();
  }
}
