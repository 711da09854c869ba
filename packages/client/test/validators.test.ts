import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { errorEnvelope } from "../src/generated/operations.js";
import { type OperationId, operations, type Validator } from "../src/index.js";
import { specOperations } from "./spec.js";

// ajv set up as Prism 5 sets it up (2020-12 dialect, formats, not strict), in process: a check
// of every operation's validators that is quicker and wider than the differential run on Prism.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));

const EMOJI = "\u{1F600}";
// Values that sit on and around the spec's limits, of every JSON type.
const POOL: unknown[] = [
  "",
  " ",
  "x",
  "Team",
  "79001234568@c.us",
  "79001234568@C.US",
  "12345@lid",
  "79001234567-1587570015@g.us",
  "120363043968066561@g.us",
  "79001234567-1587570015@g.us ",
  "٧٩٠٠١٢٣٤٥٦٨@c.us",
  "a".repeat(100),
  "a".repeat(101),
  EMOJI.repeat(100),
  EMOJI.repeat(101),
  ` ${EMOJI}`,
  0,
  -0,
  -1,
  1.5,
  999_999,
  1_000_000,
  79_001_234_568,
  999_999_999_999_999,
  1_000_000_000_000_000,
  2 ** 53 + 2,
  1e21,
  true,
  false,
  null,
  [],
  ["79001234568@c.us"],
  ["79001234568@c.us", "79001234568@c.us"],
  ["79001234568@c.us", "79001234569@c.us"],
  ["bad"],
  {},
  { a: 1 },
];
const EXTRA_KEYS = ["extra", "toString", "constructor", "__proto__", "participantChatId"];

/** The example itself, with each key dropped, set to each pool value, and extra keys added. */
function mutations(example: Record<string, unknown>): unknown[] {
  const out: unknown[] = [example, null, [], "x", 1, {}];
  for (const key of Object.keys(example)) {
    const { [key]: _, ...rest } = example;
    out.push(rest);
    for (const value of POOL) out.push({ ...example, [key]: value });
  }
  for (const key of EXTRA_KEYS) {
    for (const value of [1, "79001234568@c.us", 79_001_234_568]) {
      // A computed "__proto__" is an own key, as in a body read off the wire.
      out.push({ ...example, [key]: value });
    }
  }
  return out;
}

const verdicts = (check: Validator, schema: object, values: unknown[]) => {
  const validate = ajv.compile(schema);
  return values
    .filter((value) => (check(value) === undefined) !== validate(value))
    .map(
      (value) =>
        `ours ${check(value) ? "rejects" : "accepts"}, ajv does not: ${JSON.stringify(value)}`,
    );
};

describe("the generated validators agree with ajv (set up as Prism)", () => {
  for (const op of specOperations) {
    const id = op.operationId as OperationId;
    const info = operations[id];
    const [contentType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
    if (contentType === "application/json" && "body" in info) {
      it(`${id}: on its request examples and ${POOL.length}-value mutations of them`, () => {
        const examples = Object.values(media?.examples ?? {}).map(
          (example) => example.value as Record<string, unknown>,
        );
        expect(examples.length).toBeGreaterThan(0);
        const values = examples.flatMap(mutations);
        const disagreements = verdicts(info.body, media?.schema as object, values);
        expect(disagreements.slice(0, 5)).toEqual([]);
        // Both verdicts must be common for the agreement to mean something.
        const accepted = values.filter((value) => info.body(value) === undefined).length;
        expect(accepted).toBeGreaterThan(1);
        expect(values.length - accepted).toBeGreaterThan(values.length / 2);
      });
    }
  }

  it("on the path parameters of every operation", () => {
    for (const op of specOperations) {
      const params = (
        op as unknown as { parameters: { name: string; in: string; schema: object }[] }
      ).parameters.filter((p) => p.in === "path");
      const schema = {
        type: "object",
        required: params.map((p) => p.name),
        properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
      };
      const values = mutations({ idInstance: "1101000001", apiTokenInstance: "YOUR_TOKEN" });
      const check = operations[op.operationId as OperationId].params;
      expect(verdicts(check, schema, values).slice(0, 5)).toEqual([]);
    }
  });

  it("accept every 200 example of the spec as a success body or as the error envelope, never both", () => {
    let envelopes = 0;
    for (const op of specOperations) {
      const ok = op.responses["200"]?.content?.["application/json"];
      const check = operations[op.operationId as OperationId].response;
      for (const example of Object.values(ok?.examples ?? {})) {
        const isEnvelope = !errorEnvelope.shape(example.value);
        if (isEnvelope) envelopes++;
        expect(check(example.value) === undefined, op.operationId).toBe(!isEnvelope);
      }
    }
    expect(envelopes).toBeGreaterThan(0);
  });
});
