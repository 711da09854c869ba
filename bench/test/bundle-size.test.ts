import { beforeAll, describe, expect, it } from "vitest";
import { type BundleSize, measureBundle } from "../src/bundle.js";
import { TARGETS } from "../src/targets.js";

describe("greenspec's browser bundle (create the client, call addGroupParticipant)", () => {
  let size: BundleSize;
  beforeAll(async () => {
    size = await measureBundle("greenspec");
  });

  it("holds the client itself and openapi-fetch, not an entry shaken down to nothing", () => {
    const inputs = size.inputs.map((input) => input.path).join("\n");
    expect(inputs).toMatch(/packages\/client\/dist\/client\.js/);
    expect(inputs).toMatch(/openapi-fetch/);
  });

  it(`stays within the gzip budget of ${TARGETS.bundleGzipMaxBytes} bytes`, () => {
    expect(size.gzipBytes).toBeLessThanOrEqual(TARGETS.bundleGzipMaxBytes);
  });

  it(`stays under ${TARGETS.officialSdkShareMax}x the official SDK's cited bundle`, () => {
    expect(size.gzipBytes).toBeLessThan(TARGETS.officialSdkGzipBytes * TARGETS.officialSdkShareMax);
  });
});
