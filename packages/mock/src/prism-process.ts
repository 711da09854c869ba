// The child process that startMock() forks: runs Prism and reports over the IPC channel.
import { listenPrism, type PrismServerOptions } from "./prism-server.js";

/** What the child tells its parent, once. */
export type PrismProcessMessage =
  | { type: "listening"; url: string }
  | { type: "failed"; message: string };

function report(message: PrismProcessMessage, then?: () => void): void {
  process.send?.(message, undefined, undefined, () => then?.());
}

const options = JSON.parse(process.argv[2] ?? "{}") as PrismServerOptions;

// Exit with the parent: when its IPC channel goes away (even on a hard crash), so does Prism.
process.on("disconnect", () => process.exit());
process.on("SIGTERM", () => process.exit(0));
process.on("SIGINT", () => process.exit(0));

try {
  const server = await listenPrism(options);
  report({ type: "listening", url: server.url });
} catch (error) {
  process.exitCode = 1;
  const message = error instanceof Error ? error.message : String(error);
  report({ type: "failed", message }, () => process.disconnect?.());
}
