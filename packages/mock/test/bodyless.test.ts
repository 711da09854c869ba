// An operation without a request body (getStateInstance, a GET) through the mock: served as a
// GET with no body, its examples selectable, and a POST to it refused, as for any wrong method.
import { model } from "@greenspec/spec/model";
import { describe, expect, inject, test } from "vitest";
import { bodylessOperations } from "./openapi-operations.js";

const baseUrl = inject("mockUrl");

test("the spec has an operation without a request body to test", () => {
  expect(bodylessOperations.map((o) => o.id)).toContain("getStateInstance");
});

describe.each(bodylessOperations)("$id (no request body)", ({ id, method, path }) => {
  const url = `${baseUrl}${path.replace("{idInstance}", "1101000001").replace("{apiTokenInstance}", "any-token")}`;
  const examples = model.operation(id).success.examples;

  test(`answers a ${method} without a body with its first 200 example`, async () => {
    const response = await fetch(url, { method });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(examples[0]?.value);
  });

  test.each(examples.map((example) => example.name))(
    "serves the 200 example %s when Prefer selects it",
    async (name) => {
      const response = await fetch(url, { method, headers: { Prefer: `example=${name}` } });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(examples.find((e) => e.name === name)?.value);
    },
  );

  test("does not answer a POST to it with a 2xx", async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    await response.arrayBuffer();
    expect(response.status).toBeGreaterThanOrEqual(400);
  });
});
