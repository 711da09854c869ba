import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One emulator and one mock (Prism) for the run, each on a free 127.0.0.1 port.
    globalSetup: ["@greenspec/emulator/vitest", "@greenspec/mock/vitest"],
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
