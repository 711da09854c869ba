import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Packs, installs with npm and runs the example once; the test file reads what happened.
    globalSetup: ["test/global-setup.ts"],
    // A cold npm install brings Prism's dependencies (a minute or more on a slow link).
    hookTimeout: 300_000,
    reporters: ["default", ["json", { outputFile: ".reports/vitest.json" }]],
  },
});
