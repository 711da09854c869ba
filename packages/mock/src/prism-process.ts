// The child process that startMock() forks: runs Prism and reports over the IPC channel.
import {
  listenPrism,
  listenProxy,
  type PrismServerOptions,
  type ProxyViolation,
} from "./prism-server.js";

export interface PrismProcessOptions extends PrismServerOptions {
  /** Set: run as a validation proxy in front of this URL. */
  proxy?: string;
  /** With proxy: append each answer to this file (recorder.ts). */
  record?: string;
  upstreamTimeoutMs?: number;
}

/** What the child tells its parent. */
export type PrismProcessMessage =
  | { type: "listening"; url: string }
  | { type: "failed"; message: string }
  | { type: "violation"; violation: ProxyViolation }
  | { type: "checked" }
  | { type: "fault"; message: string };

function report(message: PrismProcessMessage, then?: () => void): void {
  if (!process.connected) return;
  process.send?.(message, undefined, undefined, () => then?.());
}

const options = JSON.parse(process.argv[2] ?? "{}") as PrismProcessOptions;

// Exit with the parent: when its IPC channel goes away (even on a hard crash), so does Prism.
process.on("disconnect", () => process.exit());
process.on("SIGTERM", () => process.exit(0));
process.on("SIGINT", () => process.exit(0));
// The last resort: a fault that escaped every request handler must not end the mock. Each
// request is answered by its own handler; this only keeps the process serving and says so
// (the name of the error only: its message may quote a request).
const survive = (error: unknown): void => {
  const name = error instanceof Error ? error.name : typeof error;
  report({ type: "fault", message: `an error escaped a request handler (${name})` });
};
process.on("uncaughtException", survive);
process.on("unhandledRejection", survive);

try {
  const server = options.proxy
    ? await listenProxy({
        ...options,
        upstream: options.proxy,
        onViolation: (violation) => report({ type: "violation", violation }),
        onChecked: () => report({ type: "checked" }),
      })
    : await listenPrism(options);
  report({ type: "listening", url: server.url });
} catch (error) {
  process.exitCode = 1;
  const message = error instanceof Error ? error.message : String(error);
  report({ type: "failed", message }, () => process.disconnect?.());
}
