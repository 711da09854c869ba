import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, inject, it } from "vitest";
import { parse } from "yaml";

const packed = inject("packed");
const spec = packed.find((pkg) => pkg.name === "@greenspec/spec");

it("stamps the bundled document's info.version with the version of every published package", () => {
  if (spec === undefined) throw new Error("@greenspec/spec was not packed");
  const json = JSON.parse(readFileSync(join(spec.contentsDir, "dist/openapi.json"), "utf8"));
  const yaml = parse(readFileSync(join(spec.contentsDir, "dist/openapi.yaml"), "utf8"));
  expect(yaml.info.version).toBe(json.info.version);
  for (const pkg of packed) expect(pkg.manifest.version, pkg.name).toBe(json.info.version);
});
