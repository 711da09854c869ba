import { fileURLToPath } from "node:url";
import { documentUrls } from "@greenspec/spec/model";
import prismCore from "@stoplight/prism-core";
import prismHttp from "@stoplight/prism-http";
import prismHttpServer from "@stoplight/prism-http-server";

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

/** The bundled greenspec document that ships with @greenspec/spec, where its model says it lies. */
export function bundledSpecPath(): string {
  return fileURLToPath(documentUrls.json);
}

/** A host as it must appear inside a URL (IPv6 literals need brackets). */
function urlHost(host: string): string {
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}

/**
 * Starts Prism's HTTP server in this process through the Prism libraries themselves (not
 * prism-cli), so the versions pinned in package.json are exactly the versions that run.
 */
export async function listenPrism(options: PrismServerOptions): Promise<PrismServer> {
  const operations = await prismHttp.getHttpOperationsFromSpec(options.spec);
  if (operations.length === 0) {
    throw new Error(`no operations found in ${options.spec}`);
  }
  const logger = prismCore.createLogger("greenspec-mock", { level: options.logLevel ?? "silent" });
  const server = prismHttpServer.createServer(operations, {
    cors: true,
    components: { logger: logger.child({ name: "HTTP SERVER" }) },
    config: {
      isProxy: false,
      // Every request is checked against the spec; a bad one gets the spec's 400 (or 422).
      validateRequest: true,
      validateResponse: true,
      checkSecurity: true,
      // Response violations only go to the sl-violations header, never replace the answer.
      errors: false,
      upstreamProxy: undefined,
      // Static examples from the spec, never faker-generated bodies.
      mock: { dynamic: false },
    },
  });
  const address = await server.listen(options.port, options.host);
  const port = Number(/:(\d+)$/.exec(address)?.[1]);
  if (!Number.isInteger(port) || port <= 0) {
    await server.close();
    throw new Error(`Prism reported an address without a port: ${address}`);
  }
  return { url: `http://${urlHost(options.host)}:${port}`, close: () => server.close() };
}
