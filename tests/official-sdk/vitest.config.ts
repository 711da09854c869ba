import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The mock test starts Prism, which loads slowly on a busy machine.
    hookTimeout: 90_000,
    testTimeout: 30_000,
    reporters: ["default", ["json", { outputFile: ".reports/vitest.json" }]],
  },
});
