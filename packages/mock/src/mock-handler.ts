// Prism's mock, answering on a node:http server: the request goes through Prism's own router,
// validators, negotiator and serializer (prism-http, prism-http-server's helpers) exactly as in
// prism-http-server; only the HTTP glue is ours, so that a request Prism's code cannot take is
// refused first and any fault is answered on the request's own socket.
import type { IncomingMessage, ServerResponse } from "node:http";
import type prismCore from "@stoplight/prism-core";
import prismHttp from "@stoplight/prism-http";
import configFromRequest from "@stoplight/prism-http-server/dist/getHttpConfigFromRequest.js";
import serializer from "@stoplight/prism-http-server/dist/serialize.js";
import { type InFlightSecrets, maskValues, pathValues } from "./path-secrets.js";
import { type Operations, prismInput, violationsOf } from "./prism-request.js";
import { sendProblem } from "./problem.js";
import { BodyTooLarge, parseBody, readBody } from "./request-body.js";
import { refuse } from "./request-guard.js";

export interface MockHandlerOptions {
  operations: Operations;
  logger: ReturnType<typeof prismCore.createLogger>;
  secrets: InFlightSecrets;
  literals: ReadonlySet<string>;
}

/** prism-http-server caps the sl-violations header below Node's header limit. */
const MAX_VIOLATIONS_HEADER = 8 * 1024 - 100;

function setCorsHeaders(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader("Access-Control-Allow-Origin", req.headers.origin || "*");
  res.setHeader(
    "Access-Control-Allow-Headers",
    req.headers["access-control-request-headers"] || "*",
  );
  res.setHeader("Access-Control-Allow-Credentials", "true");
  res.setHeader(
    "Access-Control-Expose-Headers",
    req.headers["access-control-expose-headers"] || "*",
  );
}

function send(res: ServerResponse, status: number, body: string | undefined): void {
  res.statusCode = status;
  if (body === undefined) {
    res.end();
    return;
  }
  res.setHeader("Content-Length", Buffer.byteLength(body));
  res.end(body);
}

type Prism = ReturnType<typeof prismHttp.createInstance>;
type PrismResult = Extract<Awaited<ReturnType<ReturnType<Prism["request"]>>>, { _tag: "Right" }>;

/** What every step of an answer reads: the Prism instance, its mock settings, the options. */
interface MockContext {
  prism: Prism;
  mockConfig: { dynamic: boolean };
  options: MockHandlerOptions;
}

export function createMockHandler(options: MockHandlerOptions) {
  const mockConfig = { dynamic: false };
  const prism = prismHttp.createInstance(
    {
      isProxy: false,
      // Every request is checked against the spec; a bad one gets the spec's 400 (or 422).
      validateRequest: true,
      validateResponse: true,
      checkSecurity: true,
      // Response violations only go to the sl-violations header, never replace the answer.
      errors: false,
      upstreamProxy: undefined,
      // Static examples from the spec, never faker-generated bodies.
      mock: mockConfig,
    },
    { logger: options.logger },
  );
  const context: MockContext = { prism, mockConfig, options };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    setCorsHeaders(req, res);
    if (answeredPreflight(req, res)) return;
    const pathname = (req.url ?? "/").split("?")[0] ?? "/";
    const release = options.secrets.hold(pathValues(pathname, options.literals));
    try {
      await answer(context, req, res, pathname);
    } catch (error) {
      failureAnswer(options, res, error);
    } finally {
      release();
    }
  };
}

/** A CORS preflight is answered 204 at once, as prism-http-server does. */
function answeredPreflight(req: IncomingMessage, res: ServerResponse): boolean {
  const method = req.headers["access-control-request-method"];
  if (req.method !== "OPTIONS" || !req.headers.origin || !method) return false;
  res.setHeader("Access-Control-Allow-Methods", method);
  res.setHeader("Vary", "origin");
  res.setHeader("Content-Length", "0");
  send(res, 204, undefined);
  return true;
}

/** A body over the cap is a 413; any other fault a 500 whose log line is masked. */
function failureAnswer(options: MockHandlerOptions, res: ServerResponse, error: unknown): void {
  if (error instanceof BodyTooLarge) {
    sendProblem(res, {
      status: 413,
      detail: "The request body is larger than the mock takes.",
    });
    return;
  }
  options.logger.error(options.secrets.mask(`Request failed: ${String(error)}`));
  sendProblem(res, { status: 500, detail: "The mock failed while answering this request." });
}

/** The request's body, parsed; or undefined when it was refused or malformed (and answered). */
async function readRequestBody(
  req: IncomingMessage,
  res: ServerResponse,
): Promise<{ value: unknown } | undefined> {
  const bytes = await readBody(req);
  const contentType = req.headers["content-type"];
  const refusal = refuse({
    url: req.url ?? "/",
    contentType,
    text: bytes === null ? null : bytes.toString("utf8"),
  });
  if (refusal) {
    sendProblem(res, refusal);
    return undefined;
  }
  const body = parseBody(bytes, contentType);
  if (!body.ok) {
    // What prism-http-server (through micri) answers to malformed JSON.
    res.setHeader("content-type", "application/json; charset=utf-8");
    send(res, 400, JSON.stringify({ error: { code: "invalid_json", message: "Invalid JSON" } }));
    return undefined;
  }
  return { value: body.value };
}

/** Read the body, let Prism route, validate and negotiate, then write what it chose. */
async function answer(
  context: MockContext,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<void> {
  const body = await readRequestBody(req, res);
  if (!body) return;
  const { prism, mockConfig, options } = context;
  const input = prismInput(req, body.value);
  options.logger.info(
    `Request received: ${input.method.toUpperCase()} ${options.secrets.mask(pathname)}`,
  );
  const config = configFromRequest.getHttpConfigFromRequest(input);
  if (config._tag === "Left") {
    problemAnswer(options, res, config.left, pathname);
    return;
  }
  // As prism-http-server merges them: a preference left out keeps the default.
  const preferences = Object.fromEntries(
    Object.entries(config.right).filter(([, value]) => value !== undefined),
  );
  const result = await prism.request(input, options.operations, {
    mock: { ...mockConfig, ...preferences },
  } as Parameters<typeof prism.request>[2])();
  if (result._tag === "Left") {
    problemAnswer(options, res, result.left, pathname);
    return;
  }
  writeOutput(options, res, pathname, result.right);
}

/** Prism's chosen answer, with its response violations (masked) in the sl-violations header. */
function writeOutput(
  options: MockHandlerOptions,
  res: ServerResponse,
  pathname: string,
  { output, validations }: PrismResult["right"],
): void {
  const violations = violationsOf(validations);
  if (violations.length > 0) {
    let header = JSON.stringify(violations);
    if (header.length > MAX_VIOLATIONS_HEADER) {
      header = `Too many violations! ${header.substring(0, MAX_VIOLATIONS_HEADER)}`;
    }
    res.setHeader("sl-violations", options.secrets.mask(header));
  }
  for (const [name, value] of Object.entries(output.headers ?? {})) res.setHeader(name, value);
  let serialized: string | undefined;
  try {
    serialized = serializer.serialize(output.body, res.getHeader("content-type") as string);
  } catch (error) {
    problemAnswer(options, res, error as Error, pathname);
    return;
  }
  send(res, output.statusCode, serialized);
}

function problemAnswer(
  options: MockHandlerOptions,
  res: ServerResponse,
  error: Error,
  pathname: string,
): void {
  const withStatus = error as Error & {
    status?: number;
    additional?: { headers?: Record<string, string> };
  };
  const problem = prismHttp.ProblemJsonError.toProblemJson(withStatus);
  // Prism's route errors quote the whole path, token included.
  const masked = maskValues(JSON.stringify(problem), pathValues(pathname, options.literals));
  res.setHeader("content-type", "application/problem+json");
  for (const [name, value] of Object.entries(withStatus.additional?.headers ?? {})) {
    res.setHeader(name, value);
  }
  send(res, withStatus.status || 500, masked);
}
