// Prism's own request pipeline, in-process (same @stoplight/prism-http version as packages/mock),
// over the bundled document: what the mock would answer to a request, and which violations it saw.
import prismCore from "@stoplight/prism-core";
import prismHttp, { type IHttpRequest } from "@stoplight/prism-http";
import { bundledSpecPath } from "./bundled-spec.js";

export interface Answer {
  status: number;
  violations: string[];
}

export interface Prism {
  /** The operations Prism loaded, by operationId. */
  operationIds: string[];
  /** Sends the operation's method (a GET without a body); Prism answers with its first example. */
  send(operationId: string, body: unknown, options?: { contentType?: string }): Promise<Answer>;
  /** Like send, but serves the named example and returns Prism's verdict on that response. */
  respond(
    operationId: string,
    body: unknown,
    example: string,
    contentType?: string,
  ): Promise<Answer & { body: unknown }>;
}

export async function loadPrism(): Promise<Prism> {
  const loaded = await prismHttp.getHttpOperationsFromSpec(bundledSpecPath);
  const logger = prismCore.createLogger("greenspec-spec-test", { level: "silent" });
  const config = {
    mock: { dynamic: false },
    validateRequest: true,
    validateResponse: true,
    checkSecurity: true,
    errors: false,
    upstreamProxy: undefined,
    isProxy: false,
  } as const;
  const prism = prismHttp.createInstance(config, { logger });

  async function run(operationId: string, body: unknown, contentType: string, example?: string) {
    const method = loaded.find((o) => o.iid === operationId)?.method ?? "post";
    const request: IHttpRequest =
      method === "get"
        ? { method, url: { path: `/waInstance1101000001/${operationId}/YOUR_TOKEN` } }
        : {
            method: method as IHttpRequest["method"],
            url: { path: `/waInstance1101000001/${operationId}/YOUR_TOKEN` },
            headers: { "content-type": contentType },
            body,
          };
    // In-process, Prism takes the example to serve as config (its server reads it from Prefer).
    const override = example
      ? { ...config, mock: { dynamic: false, exampleKey: example } }
      : undefined;
    const result = await prism.request(request, loaded, override)();
    if (result._tag === "Left") throw new Error(`Prism failed: ${String(result.left)}`);
    return result.right;
  }

  return {
    operationIds: loaded.map((o) => String(o.iid)),
    async send(operationId, body, { contentType = "application/json" } = {}) {
      const { output, validations } = await run(operationId, body, contentType);
      return { status: output.statusCode, violations: validations.input.map((v) => v.message) };
    },
    async respond(operationId, body, example, contentType = "application/json") {
      const { output, validations } = await run(operationId, body, contentType, example);
      return {
        status: output.statusCode,
        body: output.body,
        violations: validations.output.map((v) => v.message),
      };
    },
  };
}
