// The validation proxy: forwards every request to the upstream byte for byte and hands its answer
// back byte for byte (never blocked, never rewritten), then checks the pair with Prism's own
// router and validators and reports what the spec does not allow.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type prismCore from "@stoplight/prism-core";
import prismHttp, { type IHttpRequest } from "@stoplight/prism-http";
import { InflatesTooLarge, inflateBounded } from "./bounded-inflate.js";
import { carriesOutcome } from "./outcome-policy.js";
import { type InFlightSecrets, maskValues, pathValues } from "./path-secrets.js";
import { type Operations, prismInput, violationsOf } from "./prism-request.js";
import { createRelay, type Exchange } from "./proxy-relay.js";
import { BODY_LIMIT_BYTES, isJsonMediaType, parseBody } from "./request-body.js";
import { refuse } from "./request-guard.js";

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

/** How long the upstream may take unless told: Green API answers within seconds. */
export const UPSTREAM_TIMEOUT_MS = 60_000;

export function createProxyHandler(options: ProxyHandlerOptions) {
  const { upstream } = options;
  const relay = createRelay(upstream, options.upstreamTimeoutMs ?? UPSTREAM_TIMEOUT_MS);
  const outputs = new WeakMap<
    IHttpRequest,
    { statusCode: number; headers: Record<string, string>; body: unknown }
  >();
  const resources = new WeakMap<IHttpRequest, { iid?: string }>();
  const prism = prismHttp.createInstance(
    {
      isProxy: true,
      upstream,
      upstreamProxy: undefined,
      validateRequest: true,
      validateResponse: true,
      checkSecurity: true,
      // Never answer in the upstream's place: violations are recorded, not sent.
      errors: false,
      mock: { dynamic: false },
    },
    {
      logger: options.logger,
      // Prism's own forwarder re-serializes bodies and re-mocks a 501; the exchange already
      // happened byte for byte, so Prism is handed its recorded answer instead.
      forward: ((
        { data }: { data: IHttpRequest },
        _base: string,
        _proxy: unknown,
        resource?: { iid?: string },
      ) =>
        () =>
        async () => {
          if (resource) resources.set(data, resource);
          const output = outputs.get(data);
          return output
            ? { _tag: "Right", right: output }
            : { _tag: "Left", left: new Error("no recorded answer") };
        }) as never,
    },
  );

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const relayed = await relay.send(req, res);
    if (relayed && "exchange" in relayed) setImmediate(() => void check(relayed.exchange));
    else {
      if (relayed) reportBroken(req, relayed.broken);
      options.onChecked?.();
    }
  };

  /** An upstream that broke the exchange: a violation of the answer, masked like the others. */
  function reportBroken(req: IncomingMessage, message: string): void {
    const pathname = (req.url ?? "/").split("?")[0] ?? "/";
    const values = pathValues(pathname, options.literals);
    options.onViolation({
      operation: null,
      direction: "response",
      message: maskValues(message, values),
    });
  }

  async function responseBody(exchange: Exchange): Promise<unknown> {
    const bytes = await inflateBounded(
      exchange.responseBody.bytes(),
      exchange.headers["content-encoding"],
    );
    const text = bytes.toString("utf8");
    if (exchange.status === 204 || !isJsonMediaType(exchange.headers["content-type"])) return text;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }

  async function check(exchange: Exchange): Promise<void> {
    const { req } = exchange;
    const pathname = (req.url ?? "/").split("?")[0] ?? "/";
    const values = pathValues(pathname, options.literals);
    const release = options.secrets.hold(values);
    const report = (
      operation: string | null,
      direction: ProxyViolation["direction"],
      message: string,
      drift = false,
    ) =>
      options.onViolation({
        operation,
        direction,
        message: maskValues(message, values),
        ...(drift ? { kind: "drift" as const } : {}),
      });
    try {
      options.logger.info(
        options.secrets.mask(
          `${req.method} ${pathname} answered ${exchange.status} by the upstream`,
        ),
      );
      if (exchange.requestBody.overflowed || exchange.responseBody.overflowed) {
        report(
          null,
          "request",
          `a body larger than ${BODY_LIMIT_BYTES} bytes was passed on unchecked`,
        );
        return;
      }
      const bytes = exchange.requestBody.bytes();
      const contentType = req.headers["content-type"];
      const text =
        bytes.length > 0 || req.headers["content-length"] ? bytes.toString("utf8") : null;
      const refusal = refuse({ url: req.url ?? "/", contentType, text });
      const parsed = parseBody(text === null ? null : bytes, contentType);
      const input = prismInput(req, parsed.ok ? parsed.value : text);
      const answer = await responseBody(exchange);
      outputs.set(input, {
        statusCode: exchange.status,
        headers: flatHeaders(exchange.headers),
        body: answer,
      });
      // A request Prism's own code would throw on (or malformed JSON) is reported as such, and
      // only its answer is checked.
      const unreadable = refusal?.detail ?? (parsed.ok ? undefined : "the body is not valid JSON");
      if (unreadable) input.body = null;
      const result = await prism.request(
        input,
        options.operations,
        (unreadable ? { validateRequest: false } : {}) as never,
      )();
      const operation = resources.get(input)?.iid ?? null;
      if (operation) options.onAnswer?.(operation, exchange.status, answer, values.at(-1));
      if (unreadable) report(operation, "request", unreadable);
      if (result._tag === "Left") {
        report(operation, "request", result.left.message);
        return;
      }
      const output = result.right.validations.output.map((d) => (d.path ?? []).map(String));
      const drift = carriesOutcome(operation, exchange.status, answer, output);
      for (const violation of violationsOf(result.right.validations)) {
        const [direction, ...location] = violation.location;
        // Errors, and warnings (a path the spec lacks, a status it does not list); no hints.
        if (violation.severity !== "Error" && violation.severity !== "Warning") continue;
        const where = location.length > 0 ? `${location.join(".")}: ` : "";
        report(
          operation,
          direction as ProxyViolation["direction"],
          `${where}${violation.message}`,
          drift && direction === "response",
        );
      }
    } catch (error) {
      if (error instanceof InflatesTooLarge) report(null, "response", error.message);
      else report(null, "request", `the exchange could not be checked: ${String(error)}`);
    } finally {
      release();
      options.onChecked?.();
    }
  }

  return { handler, close: () => relay.close() };
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(",") : value;
  }
  return flat;
}
