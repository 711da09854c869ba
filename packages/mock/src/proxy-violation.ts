// What the validation proxy reports, and what it is given: shared by its wiring and its checks.
import type prismCore from "@stoplight/prism-core";
import type { InFlightSecrets } from "./path-secrets.js";
import type { Operations } from "./prism-request.js";

/** One disagreement between the traffic and the spec. The token never appears in it. */
export interface ProxyViolation {
  /** The spec's operationId of the matched path, or null when no operation matches. */
  operation: string | null;
  direction: "request" | "response";
  message: string;
  /**
   * `drift`: the success answer carries its outcome (outcome-policy.ts) and a field it does not
   * rest on left the spec, as the client tolerates it. Absent: a violation.
   */
  kind?: "drift";
}

export interface ProxyHandlerOptions {
  upstream: URL;
  operations: Operations;
  logger: ReturnType<typeof prismCore.createLogger>;
  secrets: InFlightSecrets;
  literals: ReadonlySet<string>;
  onViolation(violation: ProxyViolation): void;
  /** Called once per request, when the proxy is done with it (its violations, if any, reported). */
  onChecked?(): void;
  /** Told each complete answer of an operation (for --record); `token` is the last path value. */
  onAnswer?(operation: string, status: number, body: unknown, token: string | undefined): void;
  /** An upstream that has not answered (or finished answering) by then is given up: 504. */
  upstreamTimeoutMs?: number;
}
