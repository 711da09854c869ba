// The validation proxy: forwards every request to the upstream byte for byte and hands its answer
// back byte for byte (never blocked, never rewritten), then checks the pair with Prism's own
// router and validators (exchange-check.ts) and reports what the spec does not allow.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createCheckingPrism } from "./checking-prism.js";
import { checkExchange } from "./exchange-check.js";
import { maskValues, pathValues } from "./path-secrets.js";
import { createRelay } from "./proxy-relay.js";
import type { ProxyHandlerOptions } from "./proxy-violation.js";

/** How long the upstream may take unless told: Green API answers within seconds. */
export const UPSTREAM_TIMEOUT_MS = 60_000;

export function createProxyHandler(options: ProxyHandlerOptions) {
  const relay = createRelay(options.upstream, options.upstreamTimeoutMs ?? UPSTREAM_TIMEOUT_MS);
  const checking = createCheckingPrism(options.upstream, options.logger);

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const relayed = await relay.send(req, res);
    if (relayed && "exchange" in relayed) {
      const { exchange } = relayed;
      setImmediate(() => void checkExchange(checking, options, exchange));
    } else {
      if (relayed) reportBroken(options, req, relayed.broken);
      options.onChecked?.();
    }
  };

  return { handler, close: () => relay.close() };
}

/** An upstream that broke the exchange: a violation of the answer, masked like the others. */
function reportBroken(options: ProxyHandlerOptions, req: IncomingMessage, message: string): void {
  const pathname = (req.url ?? "/").split("?")[0] ?? "/";
  const values = pathValues(pathname, options.literals);
  options.onViolation({
    operation: null,
    direction: "response",
    message: maskValues(message, values),
  });
}
