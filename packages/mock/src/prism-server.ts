import { fileURLToPath } from "node:url";
import { documentUrls } from "@greenspec/spec/model";
import prismCore from "@stoplight/prism-core";
import prismHttp from "@stoplight/prism-http";
import { createGuardedServer } from "./guarded-server.js";
import { createMockHandler } from "./mock-handler.js";
import { InFlightSecrets, literalSegments } from "./path-secrets.js";
import type { Operations } from "./prism-request.js";
import type { ProxyViolation } from "./proxy-violation.js";
import { createRecorder } from "./recorder.js";
import { createProxyHandler } from "./validation-proxy.js";

export type { ProxyViolation } from "./proxy-violation.js";

/** Where and what the in-process Prism listens on. */
export interface PrismServerOptions {
  /** Path to an OpenAPI document (JSON or YAML). */
  spec: string;
  /** 0 picks a free port. */
  port: number;
  host: string;
  /** Prism's pino level; "silent" keeps Prism's request log off. */
  logLevel?: "silent" | "error" | "warn" | "info";
}

export interface PrismServer {
  url: string;
  close(): Promise<void>;
}

/**
 * A request still arriving after this long is answered 408: a stalled or truncated request
 * must not hold a connection (on loopback a whole request takes milliseconds).
 */
const MOCK_REQUEST_TIMEOUT_MS = 2000;
/** Through the proxy a request comes from a real client, maybe a slow upload: a wider bound. */
const PROXY_REQUEST_TIMEOUT_MS = 60_000;

/** The bundled greenspec document that ships with @greenspec/spec, where its model says it lies. */
export function bundledSpecPath(): string {
  return fileURLToPath(documentUrls.json);
}

/** A host as it must appear inside a URL (IPv6 literals need brackets). */
export function urlHost(host: string): string {
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}

/** Prism's operations from a document, refusing one that has none. */
export async function loadOperations(spec: string): Promise<Operations> {
  const operations = await prismHttp.getHttpOperationsFromSpec(spec);
  if (operations.length === 0) throw new Error(`no operations found in ${spec}`);
  return operations;
}

/** Prism's pino logger, writing each line through the mask of the requests in flight. */
export function maskedLogger(
  level: PrismServerOptions["logLevel"],
  secrets: InFlightSecrets,
): ReturnType<typeof prismCore.createLogger> {
  const destination = { write: (line: string) => process.stdout.write(secrets.mask(line)) };
  return prismCore.createLogger("greenspec-mock", { level: level ?? "silent" }, destination);
}

/** Listens and resolves with the URL, or rejects with the listen error. */
export function listen(
  server: ReturnType<typeof createGuardedServer>,
  port: number,
  host: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      if (!address || typeof address === "string") {
        reject(new Error(`the server reported no port: ${String(address)}`));
        return;
      }
      resolve(`http://${urlHost(host)}:${address.port}`);
    });
  });
}

export function closeServer(server: ReturnType<typeof createGuardedServer>): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

/**
 * Starts Prism's mock in this process through the Prism libraries themselves (not prism-cli),
 * so the versions pinned in package.json are exactly the versions that run.
 */
export async function listenPrism(options: PrismServerOptions): Promise<PrismServer> {
  const operations = await loadOperations(options.spec);
  const secrets = new InFlightSecrets();
  const logger = maskedLogger(options.logLevel, secrets);
  const handler = createMockHandler({
    operations,
    logger: logger.child({ name: "HTTP SERVER" }),
    secrets,
    literals: literalSegments(operations.map((operation) => operation.path)),
  });
  const server = createGuardedServer(handler, { requestTimeoutMs: MOCK_REQUEST_TIMEOUT_MS });
  const url = await listen(server, options.port, options.host);
  return { url, close: () => closeServer(server) };
}

export interface ProxyServerOptions extends PrismServerOptions {
  /** The service to check: every request goes on to it unchanged. */
  upstream: string;
  onViolation(violation: ProxyViolation): void;
  onChecked?(): void;
  /** Append each answer to this file, in the format of the spec's recordings (recorder.ts). */
  record?: string;
  /** Give up on an upstream silent this long (ms). */
  upstreamTimeoutMs?: number;
}

/** Parses the upstream URL, refusing anything but a plain http(s) origin with an optional path. */
export function upstreamUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error("the upstream must be an absolute http(s) URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error("the upstream must be an http(s) URL");
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error("the upstream URL must not carry credentials, a query or a fragment");
  }
  return url;
}

/**
 * Starts Prism as a validation proxy in front of `upstream`: answers pass through unchanged, and
 * each disagreement with the spec is handed to `onViolation`.
 */
export async function listenProxy(options: ProxyServerOptions): Promise<PrismServer> {
  const upstream = upstreamUrl(options.upstream);
  const operations = await loadOperations(options.spec);
  const secrets = new InFlightSecrets();
  const logger = maskedLogger(options.logLevel, secrets);
  const proxy = createProxyHandler({
    upstream,
    operations,
    logger: logger.child({ name: "PROXY" }),
    secrets,
    literals: literalSegments(operations.map((operation) => operation.path)),
    onViolation: options.onViolation,
    onChecked: options.onChecked,
    onAnswer: options.record
      ? recorderAnswer(createRecorder(options.record, `greenspec-mock --proxy ${upstream.origin}`))
      : undefined,
    upstreamTimeoutMs: options.upstreamTimeoutMs,
  });
  // The upstream may take its time: a request is given as long as it needs to arrive.
  const server = createGuardedServer(proxy.handler, { requestTimeoutMs: PROXY_REQUEST_TIMEOUT_MS });
  const url = await listen(server, options.port, options.host);
  return {
    url,
    close: async () => {
      await closeServer(server);
      proxy.close();
    },
  };
}

/** The proxy's onAnswer for a recorder: a write that fails is not the exchange's failure. */
function recorderAnswer(recorder: ReturnType<typeof createRecorder>) {
  return (operation: string, status: number, body: unknown, token: string | undefined) => {
    try {
      recorder.add(operation, status, body, token);
    } catch (error) {
      process.emitWarning(`greenspec-mock could not record an answer: ${(error as Error).name}`);
    }
  };
}
