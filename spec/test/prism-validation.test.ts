// Prism (the mock other packages run) must reject a bad body on EVERY operation. Prism issue
// #2574 reports bodies left unvalidated when operations share a schema, and our four participant
// methods share ParticipantRef; this runs Prism's own request pipeline in-process (same
// @stoplight/prism-http version as packages/mock) against the bundled document.
import { beforeAll, describe, expect, test } from "vitest";
import { deref, type Json, obj, operations } from "./bundled-spec.js";
import { loadPrism, type Prism } from "./prism.js";

let prism: Prism;

beforeAll(async () => {
  prism = await loadPrism();
});

const send = (operationId: string, body: unknown, contentType = "application/json") =>
  prism.send(operationId, body, { contentType });

/** Every named request example of an operation, as [name, value]. */
function requestExamples(operationId: string): [string, Json][] {
  const op = operations.find((o) => o.operationId === operationId)?.op;
  const content = obj(deref(op?.requestBody, operationId).content, "content");
  const media = obj(Object.values(content)[0], "media");
  return Object.entries(obj(media.examples, "examples")).map(([name, example]) => [
    name,
    deref(example, name).value as Json,
  ]);
}

function firstRequestExample(operationId: string): Json {
  const op = operations.find((o) => o.operationId === operationId)?.op;
  if (op?.requestBody === undefined) return null;
  const content = obj(deref(op?.requestBody, operationId).content, "content");
  const media = obj(Object.values(content)[0], "media");
  const first = Object.values(obj(media.examples, "examples"))[0];
  return deref(first, "example").value as Json;
}

function multipart(parts: [string, string, string?][]): [string, string] {
  const boundary = "greenspecBoundary7MA4YWxk";
  const body = parts
    .map(([name, value, type]) => {
      const disposition = type
        ? `Content-Disposition: form-data; name="${name}"; filename="picture.jpg"\r\nContent-Type: ${type}`
        : `Content-Disposition: form-data; name="${name}"`;
      return `--${boundary}\r\n${disposition}\r\n\r\n${value}\r\n`;
    })
    .join("");
  return [`${body}--${boundary}--\r\n`, `multipart/form-data; boundary=${boundary}`];
}

const groupId = "79001234567-1587570015@g.us";
/** Operations with a JSON body (not the multipart setGroupPicture, not a body-less GET). */
const jsonOperations = operations
  .filter((o) => o.op.requestBody !== undefined)
  .map((o) => o.operationId)
  .filter((id) => id !== "setGroupPicture");
const participantOperations = [
  "addGroupParticipant",
  "removeGroupParticipant",
  "setGroupAdmin",
  "removeAdmin",
];

describe("Prism validates the body of every operation", () => {
  test("loads all ten operations from the bundled document", () => {
    expect([...prism.operationIds].sort()).toEqual(operations.map((o) => o.operationId).sort());
  });

  test.each(jsonOperations)(
    "%s: the first documented request example is accepted (200)",
    async (id) => {
      expect(await send(id, firstRequestExample(id))).toEqual({ status: 200, violations: [] });
    },
  );

  test.each(
    jsonOperations.flatMap((id) => requestExamples(id).map(([name, value]) => [id, name, value])),
  )("%s: the request example %s is accepted (200)", async (id, _name, value) => {
    expect(await send(id as string, value)).toEqual({ status: 200, violations: [] });
  });

  test.each(jsonOperations)(
    "%s: an empty body object is refused with 400 and a violation",
    async (id) => {
      const answer = await send(id, {});
      expect(answer.status).toBe(400);
      expect(answer.violations.length).toBeGreaterThan(0);
    },
  );

  test.each(jsonOperations)("%s: an unknown extra field is refused with 400", async (id) => {
    const body = { ...obj(firstRequestExample(id), "example"), unexpectedField: true };
    const answer = await send(id, body);
    expect(answer.status).toBe(400);
    expect(answer.violations.join(" ")).toMatch(/additional properties|must match/);
  });

  const participantCases: [string, Record<string, unknown>][] = participantOperations.flatMap(
    (id) => [
      [id, { groupId, participantChatId: "79001234568@c.us", participantPhone: 79001234568 }],
      [id, { groupId }],
      [id, { groupId, participantPhone: "79001234568" }],
      [id, { groupId: "79001234568@c.us", participantChatId: "79001234568@c.us" }],
    ],
  );

  test.each(participantCases)(
    "%s: refuses %j (the shared ParticipantRef is enforced)",
    async (id, body) => {
      const answer = await send(id, body);
      expect(answer.status).toBe(400);
      expect(answer.violations.length).toBeGreaterThan(0);
    },
  );

  test("getStateInstance: a GET without a body is accepted (200) and answered with its first example", async () => {
    expect(await prism.respond("getStateInstance", undefined, "authorized")).toEqual({
      status: 200,
      body: { stateInstance: "authorized" },
      violations: [],
    });
  });

  test("setGroupPicture: a group id and a JPEG file part are accepted (200)", async () => {
    const [body, type] = multipart([
      ["groupId", "120363043968066561@g.us"],
      ["file", "JPEGBYTES", "image/jpeg"],
    ]);
    expect(await send("setGroupPicture", body, type)).toEqual({ status: 200, violations: [] });
  });

  test("setGroupPicture: a body without the file part is refused with 400", async () => {
    const [body, type] = multipart([["groupId", "120363043968066561@g.us"]]);
    const answer = await send("setGroupPicture", body, type);
    expect(answer.status).toBe(400);
    expect(answer.violations.join(" ")).toMatch(/file/);
  });

  test("setGroupPicture: a malformed group id is refused with 400", async () => {
    const [body, type] = multipart([
      ["groupId", "not-a-group"],
      ["file", "JPEGBYTES", "image/jpeg"],
    ]);
    const answer = await send("setGroupPicture", body, type);
    expect(answer.status).toBe(400);
    expect(answer.violations.join(" ")).toMatch(/groupId/);
  });
});

describe("Prism serves the 200 error envelope as a valid answer of every operation", () => {
  test.each(operations.map((o) => o.operationId))(
    "%s: the example unauthorizedInOk is served as a 200 with the envelope and no response violation",
    async (id) => {
      const [body, contentType] =
        id === "setGroupPicture"
          ? multipart([
              ["groupId", "120363043968066561@g.us"],
              ["file", "JPEGBYTES", "image/jpeg"],
            ])
          : [firstRequestExample(id), "application/json"];
      const answer = await prism.respond(id, body, "unauthorizedInOk", contentType);
      expect(answer).toEqual({
        status: 200,
        body: { code: 401, description: "Unauthorized" },
        violations: [],
      });
    },
  );
});
