import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Packs every public package once; the test files share the tarballs.
    globalSetup: ["test/global-setup.ts"],
    // A cold `npm install` of the tarballs and Prism's dependencies can take a minute or more.
    hookTimeout: 300_000,
    testTimeout: 120_000,
    reporters: ["default", ["json", { outputFile: ".reports/vitest.json" }]],
  },
});
