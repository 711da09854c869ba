// The emulator in its own process, as Prism runs in its own: reports its URL, then answers
// "rss" with its resident memory, until the parent stops it.
import { startEmulator } from "@greenspec/emulator";

const server = await startEmulator();
process.send?.({ type: "listening", url: server.url });
process.on("message", (message: { type: string }) => {
  if (message.type === "rss") {
    // Collect first when the flag allows it, so the figure is what the state holds.
    (globalThis as { gc?: () => void }).gc?.();
    process.send?.({ type: "rss", rss: process.memoryUsage().rss });
  }
});
process.on("disconnect", () => process.exit(0));
process.on("SIGTERM", () => process.exit(0));
