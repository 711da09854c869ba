import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Prism loads the bundled document once per file; a busy 2-core machine needs some slack.
    testTimeout: 30_000,
    reporters: ["default", ["json", { outputFile: ".reports/vitest.json" }]],
  },
});
