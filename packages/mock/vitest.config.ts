import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Prism takes a few seconds to start on a busy machine.
    hookTimeout: 60_000,
    testTimeout: 30_000,
    reporters: ["default", ["json", { outputFile: ".reports/vitest.json" }]],
  },
});
