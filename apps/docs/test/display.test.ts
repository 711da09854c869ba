import { describe, expect, it } from "vitest";
import { withoutImpliedForbiddenProperties } from "../src/display.mjs";

describe("display fixes", () => {
  it("drops a forbidden property only where additionalProperties: false already forbids it", () => {
    const spec = {
      components: {
        schemas: {
          Closed: {
            type: "object",
            additionalProperties: false,
            properties: { chatId: { type: "string" }, phone: false },
          },
          Open: { type: "object", properties: { chatId: { type: "string" }, phone: false } },
        },
      },
    };
    const shown = withoutImpliedForbiddenProperties(spec);
    expect(Object.keys(shown.components.schemas.Closed.properties)).toEqual(["chatId"]);
    expect(shown.components.schemas.Open.properties).toEqual(
      spec.components.schemas.Open.properties,
    );
    expect(spec.components.schemas.Closed.properties).toHaveProperty("phone", false);
  });
});
