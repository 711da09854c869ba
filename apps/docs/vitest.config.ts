import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Chromium renders 2.6 MB pages and tsc checks every sample: both are slow on 2 shared cores.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ["default", ["json", { outputFile: ".reports/vitest.json" }]],
  },
});
