import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";

const example = inject("example");
// Every package of the workspace a user installs: read from the manifests, so a new one counts.
const root = new URL("../../../", import.meta.url).pathname;
const PUBLIC_PACKAGES = ["spec", ...readdirSync(join(root, "packages")).map((n) => `packages/${n}`)]
  .map((dir) => JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")))
  .filter((manifest) => manifest.private !== true)
  .map((manifest) => String(manifest.name).replace(/^@greenspec\//, ""))
  .sort();

describe("examples/, installed from the packed tarballs as the README says", () => {
  it("packs every public package with pack:all", () => {
    expect(example.packed.map((file) => file.replace(/^greenspec-|-\d.*$/g, "")).sort()).toEqual(
      PUBLIC_PACKAGES,
    );
  });

  it("installs with one npm install of the tarballs", () => {
    expect(example.install.code, example.install.output).toBe(0);
  });

  it("type-checks: inject() of the emulator and the mock, GreenApi, createGroup's chatId", () => {
    expect(example.typecheck.output).toBe("");
    expect(example.typecheck.code).toBe(0);
  });

  it("runs the example's tests (each one is reported below)", () => {
    expect(example.results.length, example.tests.output).toBeGreaterThan(0);
    expect(example.tests.code, example.tests.output).toBe(0);
  });
});

describe("the example's own tests", () => {
  for (const test of example.results) {
    it(test.name, () => {
      expect(test.status, test.failureMessages.join("\n")).toBe("passed");
    });
  }
});
