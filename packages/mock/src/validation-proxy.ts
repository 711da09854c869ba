// The validation proxy: forwards every request to the upstream byte for byte and hands its answer
// back byte for byte (never blocked, never rewritten), then checks the pair with Prism's own
// router and validators and reports what the spec does not allow.
import {
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { promisify } from "node:util";
import { brotliDecompress, gunzip, inflate } from "node:zlib";
import type prismCore from "@stoplight/prism-core";
import prismHttp, { type IHttpRequest } from "@stoplight/prism-http";
import { carriesOutcome } from "./outcome-policy.js";
import { type InFlightSecrets, maskValues, pathValues } from "./path-secrets.js";
import { type Operations, prismInput, violationsOf } from "./prism-request.js";
import { sendProblem } from "./problem.js";
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
}

/** Headers that belong to one connection (RFC 9110 7.6.1), never forwarded. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "upgrade",
]);

const decompressors: Record<string, (bytes: Buffer) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  "x-gzip": promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress),
};

/** The header list without hop-by-hop fields, nor those the Connection header names. */
function endToEnd(raw: string[], connection: string | string[] | undefined): string[] {
  const named = new Set(
    [connection ?? []]
      .flat()
      .flatMap((value) => value.split(","))
      .map((name) => name.trim().toLowerCase()),
  );
  const kept: string[] = [];
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = (raw[index] as string).toLowerCase();
    if (HOP_BY_HOP.has(name) || named.has(name) || name === "host") continue;
    kept.push(raw[index] as string, raw[index + 1] as string);
  }
  return kept;
}

/** Collects a copy of the bytes going through, up to a bound past which it gives up. */
class Copy {
  readonly #chunks: Buffer[] = [];
  #size = 0;
  overflowed = false;
  add(chunk: Buffer): void {
    if (this.overflowed) return;
    this.#size += chunk.length;
    if (this.#size > BODY_LIMIT_BYTES) {
      this.overflowed = true;
      this.#chunks.length = 0;
      return;
    }
    this.#chunks.push(chunk);
  }
  bytes(): Buffer {
    return Buffer.concat(this.#chunks);
  }
}

interface Exchange {
  req: IncomingMessage;
  requestBody: Copy;
  status: number;
  headers: IncomingHttpHeaders;
  responseBody: Copy;
}

export function createProxyHandler(options: ProxyHandlerOptions) {
  const { upstream } = options;
  const secure = upstream.protocol === "https:";
  const agent = secure
    ? new HttpsAgent({ keepAlive: true, maxSockets: 64 })
    : new HttpAgent({ keepAlive: true, maxSockets: 64 });
  const send = secure ? httpsRequest : httpRequest;
  const basePath = upstream.pathname.replace(/\/+$/, "");
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
    const exchange = await relay(req, res);
    if (exchange) setImmediate(() => void check(exchange));
    else options.onChecked?.();
  };

  /** Sends the request on and the answer back; resolves with the copies once both are done. */
  function relay(req: IncomingMessage, res: ServerResponse): Promise<Exchange | undefined> {
    return new Promise((resolve) => {
      const target = `${upstream.origin}${basePath}${req.url ?? "/"}`;
      const headers = endToEnd(req.rawHeaders, req.headers.connection);
      headers.push("host", upstream.host);
      const requestBody = new Copy();
      let outgoing: ReturnType<typeof send>;
      try {
        // A target that is not a path (absolute-form, "*") or a header Node will not send.
        if (!(req.url ?? "").startsWith("/")) throw new Error("not a path");
        outgoing = send(target, { method: req.method, headers, agent });
      } catch {
        req.resume();
        sendProblem(res, { status: 400, detail: "The request cannot be forwarded as it is." });
        resolve(undefined);
        return;
      }
      req.on("data", (chunk: Buffer) => requestBody.add(chunk));
      req.pipe(outgoing);
      // The caller gave up: so does the upstream call.
      res.once("close", () => {
        if (!res.writableFinished) outgoing.destroy();
      });
      outgoing.once("error", () => {
        sendProblem(res, {
          status: 502,
          detail: "The upstream could not be reached, or it broke off.",
        });
        resolve(undefined);
      });
      outgoing.once("response", (answer) => {
        const responseBody = new Copy();
        try {
          res.writeHead(
            answer.statusCode ?? 502,
            answer.statusMessage,
            endToEnd(answer.rawHeaders, answer.headers.connection),
          );
        } catch {
          answer.destroy();
          sendProblem(res, { status: 502, detail: "The upstream's answer cannot be passed on." });
          resolve(undefined);
          return;
        }
        answer.on("data", (chunk: Buffer) => responseBody.add(chunk));
        answer.pipe(res);
        answer.once("error", () => res.destroy());
        // Checked only when the whole answer came (not when the caller or the upstream broke off).
        answer.once("close", () =>
          resolve(
            answer.complete
              ? {
                  req,
                  requestBody,
                  status: answer.statusCode ?? 502,
                  headers: answer.headers,
                  responseBody,
                }
              : undefined,
          ),
        );
      });
    });
  }

  async function responseBody(exchange: Exchange): Promise<unknown> {
    let bytes = exchange.responseBody.bytes();
    const encoding = String(exchange.headers["content-encoding"] ?? "")
      .trim()
      .toLowerCase();
    const decompress = decompressors[encoding];
    if (decompress) bytes = await decompress(bytes);
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
      report(null, "request", `the exchange could not be checked: ${String(error)}`);
    } finally {
      release();
      options.onChecked?.();
    }
  }

  return { handler, close: () => agent.destroy() };
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(",") : value;
  }
  return flat;
}
