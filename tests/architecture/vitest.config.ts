import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // dependency-cruiser and knip each read the whole workspace: seconds on a busy 2-core machine.
    testTimeout: 180_000,
    reporters: ["default", ["json", { outputFile: ".reports/vitest.json" }]],
  },
});
