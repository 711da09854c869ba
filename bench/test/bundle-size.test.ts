import { describe, expect, it } from "vitest";
import { measureBundle } from "../src/bundle.js";
import { TARGETS } from "../src/targets.js";

describe("browser bundle", () => {
  it("keeps the whole client (create + addGroupParticipant) within 8 kB gzip", async () => {
    const size = await measureBundle("greenspec");
    expect(size.minifiedBytes).toBeGreaterThan(0);
    expect(size.gzipBytes).toBeLessThanOrEqual(TARGETS.bundleGzipMaxBytes);
  });

  it("stays under a quarter of the official SDK's bundle", async () => {
    const size = await measureBundle("greenspec");
    expect(size.gzipBytes).toBeLessThan(TARGETS.officialSdkGzipBytes / 4);
  });
});
