import { createSpecModel, type Json, type JsonObject } from "@greenspec/spec/model";
import { describe, expect, it } from "vitest";
import { schemaCode } from "../scripts/schema-code.mjs";
import * as checks from "../src/validation.js";

type Check = checks.Validator;

/** A code writer over a document that holds just these component schemas. */
function writerOver(components: JsonObject = {}) {
  const document = {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    components: { schemas: components },
  };
  return schemaCode({ model: createSpecModel(document), lib: "c" });
}

/** The code the generator writes for `schema`, turned into a check (as the build does). */
function compile(schema: Json, mode: "request" | "shape" = "request", components = {}): Check {
  const writer = writerOver(components);
  const code = writer[mode](schema, "test");
  const declarations = writer.declarations().join("\n");
  return new Function("c", `${declarations}\nreturn ${code};`)(checks) as Check;
}

const verdict = (check: Check, value: unknown) => {
  const failed = check(value);
  return failed ? `${failed.field} ${failed.rule}` : "ok";
};

describe("the schema code generator", () => {
  it.each([
    ["a string format it has no code for", { type: "string", format: "email" }, /"format"/],
    ["enum", { type: "string", enum: ["a", "b"] }, /"enum"/],
    ["not", { not: { type: "string" } }, /supported/],
    [
      "patternProperties",
      { type: "object", patternProperties: { "^x": true } },
      /"patternProperties"/,
    ],
    [
      "an additionalProperties schema",
      { type: "object", additionalProperties: { type: "string" } },
      /additionalProperties/,
    ],
    ["exclusiveMaximum", { type: "integer", exclusiveMaximum: 5 }, /"exclusiveMaximum"/],
    ["type number", { type: "number" }, /"type"/],
    ["type and oneOf together", { type: "object", oneOf: [{ type: "object" }] }, /"type"/],
    [
      "uniqueItems on object items",
      { type: "array", uniqueItems: true, items: { type: "object" } },
      /uniqueItems/,
    ],
    ["an integer format it has no bounds for", { type: "integer", format: "uint8" }, /uint8/],
    ["a reference outside the components", { $ref: "#/paths/x" }, /references/],
  ])("fails loudly on %s", (_, schema, message) => {
    expect(() => writerOver().request(schema, "test")).toThrow(message);
  });

  it("says a schema's x-greenspec-expected words, with the value given, when the value itself fails", () => {
    const phone = {
      type: "integer",
      minimum: 1000,
      maximum: 9999,
      "x-greenspec-expected": "a PIN of 4 digits",
    };
    const check = compile({ type: "object", properties: { pin: phone, note: { type: "string" } } });
    expect(verdict(check, { pin: 12 })).toBe("pin must be a PIN of 4 digits, got 12");
    expect(verdict(check, { pin: "1234" })).toBe('pin must be a PIN of 4 digits, got "1234"');
    expect(verdict(check, { pin: 1234, note: 5 })).toBe("note must be text");
    expect(verdict(check, { pin: 1234 })).toBe("ok");
    // A shape (a 200 body) checks types only: no words there.
    expect(verdict(compile(phone, "shape"), "x")).toBe("body must be a whole number");
    expect(() => writerOver().request({ type: "string", "x-greenspec-expected": 1 }, "t")).toThrow(
      /x-greenspec-expected/,
    );
  });

  it("fails loudly on an unknown keyword in a shape too", () => {
    expect(() => writerOver().shape({ type: "string", contentEncoding: "base64" }, "t")).toThrow(
      /"contentEncoding"/,
    );
  });

  it("fails loudly on a component that refers to itself", () => {
    const components = {
      Node: { type: "object", properties: { next: { $ref: "#/components/schemas/Node" } } },
    };
    expect(() =>
      writerOver(components).request({ $ref: "#/components/schemas/Node" }, "t"),
    ).toThrow(/refers to itself/);
  });

  it("writes literal calls, with no schema left to read at run time", () => {
    const code = writerOver().request(
      { type: "object", required: ["a"], properties: { a: { type: "string", maxLength: 3 } } },
      "t",
    );
    expect(code).toBe("c.obj({ a: c.str(undefined, 0, 3) }, 1)");
  });

  it("reads a schema of annotations only as any value, like `true`", () => {
    const check = compile({ description: "anything", examples: [1] });
    expect([1, "x", null, {}].map((value) => verdict(check, value))).toEqual([
      "ok",
      "ok",
      "ok",
      "ok",
    ]);
  });

  it("counts string lengths in code points, as ajv and Prism do", () => {
    const check = compile({ type: "string", minLength: 2, maxLength: 3 });
    expect(verdict(check, "😀😀😀")).toBe("ok");
    expect(verdict(check, "😀😀😀😀")).toBe("body must have at most 3 characters");
    expect(verdict(check, "😀")).toBe("body must have at least 2 characters");
  });

  it("matches patterns with the u flag and reports the spec's pattern text", () => {
    const check = compile({ type: "string", pattern: "^\\p{Lu}$" });
    expect(verdict(check, "Ж")).toBe("ok");
    expect(verdict(check, "ж")).toBe("body must match ^\\p{Lu}$");
  });

  it("reads integers as Number.isInteger within bounds, and int64 as the safe range", () => {
    const bounded = compile({ type: "integer", minimum: 1, maximum: 9 });
    expect([1, 9, 1.0].map((n) => verdict(bounded, n))).toEqual(["ok", "ok", "ok"]);
    expect(verdict(bounded, 1.5)).toBe("body must be a whole number");
    expect(verdict(bounded, "5")).toBe("body must be a whole number");
    expect(verdict(bounded, 10)).toBe("body must be at most 9");
    expect(verdict(bounded, 0)).toBe("body must be at least 1");
    const int64 = compile({ type: "integer", format: "int64" });
    expect(verdict(int64, 2 ** 53 - 1)).toBe("ok");
    expect(verdict(int64, 2 ** 53 + 2)).toBe("body must be at most 9007199254740991");
  });

  it("checks objects: required first, then unknown keys, then each property; false means absent", () => {
    const check = compile({
      type: "object",
      required: ["b", "a"],
      additionalProperties: false,
      minProperties: 2,
      properties: { a: { type: "integer" }, b: { type: "string" }, c: false },
    });
    expect(verdict(check, { a: 1, b: "x" })).toBe("ok");
    expect(verdict(check, { a: 1 })).toBe("body must have at least 2 fields");
    expect(verdict(check, { a: 1, d: 2 })).toBe("b is required");
    expect(verdict(check, { a: 1, b: "x", toString: 1 })).toBe("toString is not a known field");
    expect(verdict(check, { a: 1, b: "x", c: 0 })).toBe("c must not be given");
    expect(verdict(check, { a: "1", b: "x" })).toBe("a must be a whole number");
    expect(verdict(check, [])).toBe("body must be an object");
  });

  it("checks arrays: minItems, each item by index, then uniqueItems", () => {
    const check = compile({
      type: "array",
      minItems: 1,
      uniqueItems: true,
      items: { type: "string", pattern: "^x" },
    });
    expect(verdict(check, ["x1", "x2"])).toBe("ok");
    expect(verdict(check, [])).toBe("body must list at least 1");
    expect(verdict(check, ["x1", "y"])).toBe("1 must match ^x");
    expect(verdict(check, ["x1", "x1"])).toBe("body must not list the same value twice");
  });

  it("refuses an array past maxItems before looking at any item", () => {
    const check = compile({ type: "array", maxItems: 2, items: { type: "string", pattern: "^x" } });
    expect(verdict(check, ["x1", "x2"])).toBe("ok");
    expect(verdict(check, ["y", "y", "y"])).toBe("body must list at most 2");
  });

  it("gives a oneOf of objects picked by fields readable words for both and neither", () => {
    const branch = (own: string, other: string) => ({
      type: "object",
      required: ["g", own],
      additionalProperties: false,
      properties: { g: { type: "string" }, [own]: { type: "string" }, [other]: false },
    });
    const check = compile({ oneOf: [branch("a", "b"), branch("b", "a")] });
    expect(verdict(check, { g: "1", a: "x" })).toBe("ok");
    expect(verdict(check, { g: "1", b: "x" })).toBe("ok");
    expect(verdict(check, { g: "1", a: "x", b: "y" })).toBe(
      "a and b must not both be given (give exactly one)",
    );
    expect(verdict(check, { g: "1" })).toBe("a or b is required (give exactly one)");
    expect(verdict(check, { g: "1", b: 2 })).toBe("b must be text");
    expect(verdict(check, { b: "x" })).toBe("g is required");
  });

  it("checks only the shape of a 200 body: types, required fields and branches", () => {
    const components = { Id: { type: "string", pattern: "^\\d+$" } };
    const check = compile(
      {
        type: "object",
        required: ["id"],
        additionalProperties: false,
        properties: {
          id: { $ref: "#/components/schemas/Id" },
          n: { type: "integer", minimum: 5 },
          either: { oneOf: [{ $ref: "#/components/schemas/Id" }, { type: "string" }] },
        },
      },
      "shape",
      components,
    );
    expect(verdict(check, { id: "not digits", n: 1, either: "x", extra: true })).toBe("ok");
    expect(verdict(check, { id: 1 })).toBe("id must be text");
    expect(verdict(check, {})).toBe("id is required");
  });
});
