// Pins what the model gives once so no consumer re-derives it: the error envelope offered beside
// every success body (and the property carrying its status), and a oneOf body's shared fields.
import { createSpecModel, type JsonObject, model, SpecModelError } from "@greenspec/spec/model";
import { describe, expect, test } from "vitest";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A document with one operation per entry: its 200 schema, and its request body's schema. */
function doc(operations: { ok: JsonObject; body?: JsonObject }[], schemas: JsonObject): JsonObject {
  const paths = Object.fromEntries(
    operations.map(({ ok, body }, i) => [
      `/op${i}`,
      {
        post: {
          operationId: `op${i}`,
          ...(body && {
            requestBody: { content: { "application/json": { schema: body } } },
          }),
          responses: {
            "200": { description: "ok", content: { "application/json": { schema: ok } } },
          },
        },
      },
    ]),
  );
  return { openapi: "3.1.0", info: { title: "t", version: "1" }, paths, components: { schemas } };
}

const envelope = (status: JsonObject = { type: "integer" }) => ({
  "x-greenspec-error-envelope": true,
  type: "object",
  properties: { description: { type: "string" }, code: status },
});
const ok = { type: "object", properties: { done: { type: "boolean" } } };
const offering = (name: string) => ({ oneOf: [ref("Ok"), ref(name)] });

describe("the error envelope", () => {
  test("is the component every success answer offers, with its integer property as the status", () => {
    const m = createSpecModel(
      doc([{ ok: offering("Env") }, { ok: offering("Env") }], { Ok: ok, Env: envelope() }),
    );
    expect(m.errorEnvelope).toEqual({ name: "Env", schema: ref("Env"), statusField: "code" });
  });

  test("follows a $ref to find the integer property", () => {
    const m = createSpecModel(
      doc([{ ok: offering("Env") }], {
        Ok: ok,
        Env: envelope(ref("Code")),
        Code: { type: "integer" },
      }),
    );
    expect(m.errorEnvelope?.statusField).toBe("code");
  });

  test("is undefined when no success answer offers one", () => {
    expect(createSpecModel(doc([{ ok: ref("Ok") }], { Ok: ok })).errorEnvelope).toBeUndefined();
  });

  test("refuses two different envelopes, naming one of them", () => {
    const m = createSpecModel(
      doc([{ ok: offering("A") }, { ok: offering("B") }], { Ok: ok, A: envelope(), B: envelope() }),
    );
    expect(() => m.errorEnvelope).toThrow(SpecModelError);
    expect(() => m.errorEnvelope).toThrow(/2 error envelopes/);
  });

  test("refuses an envelope without an integer property to carry the status", () => {
    const m = createSpecModel(
      doc([{ ok: offering("Env") }], { Ok: ok, Env: envelope({ type: "string" }) }),
    );
    expect(() => m.errorEnvelope).toThrow(/no integer property/);
  });

  test("in the bundled spec, is what every operation's success answer offers", () => {
    const found = model.errorEnvelope;
    expect(found).toBeDefined();
    for (const { id, success } of model.operations)
      expect(model.pointerOf(success.envelope), id).toBe(model.pointerOf(found?.schema));
    expect(Object.isFrozen(found)).toBe(true);
  });
});

describe("a oneOf body's common schema", () => {
  const schemas = {
    Ok: ok,
    Group: { type: "string", pattern: "@g\\.us$" },
    ByChat: {
      type: "object",
      required: ["groupId", "chatId"],
      properties: { groupId: ref("Group"), chatId: { type: "string" } },
    },
    ByPhone: {
      type: "object",
      required: ["groupId", "phone"],
      properties: { groupId: { type: "string" }, phone: { type: "integer" } },
    },
  };

  test("holds the fields every branch requires, written as the first branch writes them", () => {
    const m = createSpecModel(
      doc([{ ok: ref("Ok"), body: { oneOf: [ref("ByChat"), ref("ByPhone")] } }], schemas),
    );
    expect(m.operation("op0").request?.commonSchema).toEqual({
      type: "object",
      required: ["groupId"],
      properties: { groupId: ref("Group") },
    });
  });

  test("is undefined for a body that is no oneOf", () => {
    const m = createSpecModel(doc([{ ok: ref("Ok"), body: ref("ByChat") }], schemas));
    expect(m.operation("op0").request?.commonSchema).toBeUndefined();
  });

  test("in the bundled spec, is the group of a participant call", () => {
    const common = model.operation("addGroupParticipant").request?.commonSchema;
    expect(common?.required).toEqual(["groupId"]);
    expect(Object.keys(common?.properties ?? {})).toEqual(["groupId"]);
  });
});
