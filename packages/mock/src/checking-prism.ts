// The Prism instance that judges a proxied exchange: its own router and validators, handed the
// upstream's recorded answer in place of a forward (the exchange already happened byte for byte).
import type prismCore from "@stoplight/prism-core";
import prismHttp, { type IHttpRequest } from "@stoplight/prism-http";

export interface RecordedOutput {
  statusCode: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface CheckingPrism {
  prism: ReturnType<typeof prismHttp.createInstance>;
  /** The upstream's answer to each request, set before Prism is asked to check it. */
  outputs: WeakMap<IHttpRequest, RecordedOutput>;
  /** The operation Prism matched for each request (its `iid`, the operationId). */
  resources: WeakMap<IHttpRequest, { iid?: string }>;
}

export function createCheckingPrism(
  upstream: URL,
  logger: ReturnType<typeof prismCore.createLogger>,
): CheckingPrism {
  const outputs = new WeakMap<IHttpRequest, RecordedOutput>();
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
      logger,
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
  return { prism, outputs, resources };
}
