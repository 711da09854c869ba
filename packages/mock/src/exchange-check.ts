// Checks one relayed exchange after it was answered: the request and the upstream's answer go
// through Prism, and each disagreement with the spec is reported, masked.
import type { IncomingHttpHeaders } from "node:http";
import type { IHttpRequest } from "@stoplight/prism-http";
import { InflatesTooLarge, inflateBounded } from "./bounded-inflate.js";
import type { CheckingPrism } from "./checking-prism.js";
import { carriesOutcome } from "./outcome-policy.js";
import { maskValues, pathValues } from "./path-secrets.js";
import { prismInput, violationsOf } from "./prism-request.js";
import type { Exchange } from "./proxy-relay.js";
import type { ProxyHandlerOptions, ProxyViolation } from "./proxy-violation.js";
import { BODY_LIMIT_BYTES, isJsonMediaType, parseBody } from "./request-body.js";
import { refuse } from "./request-guard.js";

type Report = (
  operation: string | null,
  direction: ProxyViolation["direction"],
  message: string,
  drift?: boolean,
) => void;

type PrismResult = Awaited<ReturnType<ReturnType<CheckingPrism["prism"]["request"]>>>;

/** Checks `exchange` and reports what the spec does not allow; never throws. */
export async function checkExchange(
  checking: CheckingPrism,
  options: ProxyHandlerOptions,
  exchange: Exchange,
): Promise<void> {
  const { req } = exchange;
  const pathname = (req.url ?? "/").split("?")[0] ?? "/";
  const values = pathValues(pathname, options.literals);
  const release = options.secrets.hold(values);
  const report: Report = (operation, direction, message, drift = false) =>
    options.onViolation({
      operation,
      direction,
      message: maskValues(message, values),
      ...(drift ? { kind: "drift" as const } : {}),
    });
  try {
    options.logger.info(
      options.secrets.mask(`${req.method} ${pathname} answered ${exchange.status} by the upstream`),
    );
    if (exchange.requestBody.overflowed || exchange.responseBody.overflowed) {
      report(
        null,
        "request",
        `a body larger than ${BODY_LIMIT_BYTES} bytes was passed on unchecked`,
      );
      return;
    }
    await judge(checking, options, exchange, values, report);
  } catch (error) {
    if (error instanceof InflatesTooLarge) report(null, "response", error.message);
    else report(null, "request", `the exchange could not be checked: ${String(error)}`);
  } finally {
    release();
    options.onChecked?.();
  }
}

/** Prism's input for the relayed request, and why its body cannot be checked, if it cannot. */
function requestInput(exchange: Exchange): { input: IHttpRequest; unreadable?: string } {
  const { req } = exchange;
  const bytes = exchange.requestBody.bytes();
  const contentType = req.headers["content-type"];
  const text = bytes.length > 0 || req.headers["content-length"] ? bytes.toString("utf8") : null;
  const refusal = refuse({ url: req.url ?? "/", contentType, text });
  const parsed = parseBody(text === null ? null : bytes, contentType);
  const input = prismInput(req, parsed.ok ? parsed.value : text);
  // A request Prism's own code would throw on (or malformed JSON) is reported as such, and
  // only its answer is checked.
  const unreadable = refusal?.detail ?? (parsed.ok ? undefined : "the body is not valid JSON");
  if (unreadable) input.body = null;
  return unreadable ? { input, unreadable } : { input };
}

/** Hands Prism the request with the upstream's answer, then reports what it found. */
async function judge(
  checking: CheckingPrism,
  options: ProxyHandlerOptions,
  exchange: Exchange,
  values: string[],
  report: Report,
): Promise<void> {
  const { input, unreadable } = requestInput(exchange);
  const answer = await responseBody(exchange);
  checking.outputs.set(input, {
    statusCode: exchange.status,
    headers: flatHeaders(exchange.headers),
    body: answer,
  });
  const result = await checking.prism.request(
    input,
    options.operations,
    (unreadable ? { validateRequest: false } : {}) as never,
  )();
  const operation = checking.resources.get(input)?.iid ?? null;
  if (operation) options.onAnswer?.(operation, exchange.status, answer, values.at(-1));
  if (unreadable) report(operation, "request", unreadable);
  if (result._tag === "Left") {
    report(operation, "request", result.left.message);
    return;
  }
  reportViolations(result.right, operation, exchange.status, answer, report);
}

/** Errors and warnings (a path the spec lacks, a status it does not list); never hints. */
function reportViolations(
  checked: Extract<PrismResult, { _tag: "Right" }>["right"],
  operation: string | null,
  status: number,
  answer: unknown,
  report: Report,
): void {
  const output = checked.validations.output.map((d) => (d.path ?? []).map(String));
  const drift = carriesOutcome(operation, status, answer, output);
  for (const violation of violationsOf(checked.validations)) {
    const [direction, ...location] = violation.location;
    if (violation.severity !== "Error" && violation.severity !== "Warning") continue;
    const where = location.length > 0 ? `${location.join(".")}: ` : "";
    report(
      operation,
      direction as ProxyViolation["direction"],
      `${where}${violation.message}`,
      drift && direction === "response",
    );
  }
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

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(",") : value;
  }
  return flat;
}
