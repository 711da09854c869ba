// The quota step alone: an instance's calls per calendar month, then the documented 466 report.
import { describe, expect, it } from "vitest";
import { operationOf, specAnswer } from "../../src/spec.js";
import { quota } from "../../src/steps/quota.js";
import { admitted, instanceOf } from "./context.js";

const JANUARY = Date.UTC(2025, 0, 31);
const FEBRUARY = Date.UTC(2025, 1, 1);

describe("the quota step", () => {
  it("passes every call on for an instance without a quota, counting none", () => {
    const instance = instanceOf();
    for (let i = 0; i < 5; i++)
      expect(quota(admitted("createGroup", { instance }))).toBe(undefined);
    expect(instance.quotaUsed).toBe(0);
  });

  it("passes on the quota's calls, then answers the 466 report with the live numbers", () => {
    const instance = instanceOf({ quota: 2 });
    expect(quota(admitted("createGroup", { instance, now: JANUARY }))).toBeUndefined();
    expect(quota(admitted("createGroup", { instance, now: JANUARY }))).toBeUndefined();
    const verdict = quota(admitted("checkWhatsapp", { instance, now: JANUARY }));
    const documented = specAnswer(operationOf("checkWhatsapp"), "quotaExceeded");
    expect(verdict?.status).toBe(documented.status);
    expect(verdict).toMatchObject({
      body: { invokeStatus: { method: "checkWhatsapp", used: 2, total: 2 } },
    });
    expect(instance.quotaUsed).toBe(2);
  });

  it("starts the count over in a new calendar month", () => {
    const instance = instanceOf({ quota: 1, quotaUsed: 1, quotaMonth: "2025-01" });
    expect(quota(admitted("createGroup", { instance, now: JANUARY }))).toBeDefined();
    expect(quota(admitted("createGroup", { instance, now: FEBRUARY }))).toBeUndefined();
    expect(instance).toMatchObject({ quotaMonth: "2025-02", quotaUsed: 1 });
  });
});
