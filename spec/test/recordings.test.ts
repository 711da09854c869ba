// The live service is the referee: every recorded answer in spec/recordings/ must be one its
// operation's schema for that status describes.
import { describe, expect, test } from "vitest";
import {
  answerSchema,
  operationsOf,
  recordingFiles,
  recordings,
  serviceBody,
  unmask,
} from "./recordings.js";
import { describeErrors, validatorFor } from "./schema-validator.js";

const cases = recordings.flatMap((recording, index) =>
  operationsOf(recording).map((operation) => ({
    name: `${recording.file} #${index} ${operation.id} ${recording.status} (${recording.kind}: ${recording.source})`,
    recording,
    operation,
  })),
);

describe("every recorded answer", () => {
  test("the recordings folder holds the shared recordings and more", () => {
    expect(recordingFiles).toContain("green-api.json");
    // Each item of the shared file is a case; a loader that found nothing would pass vacuously.
    expect(recordings.length).toBeGreaterThanOrEqual(52);
  });

  test.each(cases.map((c) => [c.name, c] as const))("%s matches its schema", (_name, c) => {
    const body = serviceBody(c.recording, c.operation);
    const schema = answerSchema(c.operation, c.recording.status, body);
    expect(schema, `no ${c.recording.status} answer for this body`).toBeDefined();
    const validate = validatorFor(schema as never);
    expect(validate(body), describeErrors(validate)).toBe(true);
  });
});

describe("reading a recording", () => {
  test("puts back a masked id as a value of the documented form", () => {
    expect(unmask({ owner: "***", participants: [{ id: "***" }] })).toEqual({
      owner: "79001234567@c.us",
      participants: [{ id: "79001234568@c.us" }],
    });
  });

  test("refuses a masked field whose form it does not know", () => {
    expect(() => unmask({ secret: "***" })).toThrow(/secret/);
  });

  test("drops the harness's success flag beside a 400, and keeps the error envelope", () => {
    const [operation] = operationsOf({ operation: "addGroupParticipant" } as never);
    const body = serviceBody(
      {
        file: "x",
        operation: "addGroupParticipant",
        status: 400,
        body: { statusCode: 400, message: "m", addParticipant: true },
        source: "s",
        kind: "recorded",
      },
      operation as never,
    );
    expect(body).toEqual({ statusCode: 400, message: "m" });
  });

  test("a body the schema does not describe fails (so the checks above can fail)", () => {
    const [operation] = operationsOf({ operation: "createGroup" } as never);
    const schema = answerSchema(operation as never, 200, { created: "yes" });
    const validate = validatorFor(schema as never);
    expect(validate({ created: "yes" })).toBe(false);
  });
});
