// Prism (the mock other packages run) must reject a bad body on EVERY operation. Prism issue
// #2574 reports bodies left unvalidated when operations share a schema, and our four participant
// methods share ParticipantRef; this runs Prism's own request pipeline in-process (same
// @stoplight/prism-http version as packages/mock) against the bundled document.
import prismCore from "@stoplight/prism-core";
import prismHttp, { type IHttpRequest } from "@stoplight/prism-http";
import { beforeAll, describe, expect, test } from "vitest";
import { bundledSpecPath, deref, type Json, obj, operations } from "./bundled-spec.js";

type Prism = ReturnType<typeof prismHttp.createInstance>;
let prism: Prism;
let loaded: Awaited<ReturnType<typeof prismHttp.getHttpOperationsFromSpec>>;

beforeAll(async () => {
  loaded = await prismHttp.getHttpOperationsFromSpec(bundledSpecPath);
  const logger = prismCore.createLogger("greenspec-spec-test", { level: "silent" });
  prism = prismHttp.createInstance(
    {
      mock: { dynamic: false },
      validateRequest: true,
      validateResponse: true,
      checkSecurity: true,
      errors: false,
      upstreamProxy: undefined,
      isProxy: false,
    },
    { logger },
  );
});

interface Answer {
  status: number;
  violations: string[];
}

async function send(
  operationId: string,
  body: unknown,
  contentType = "application/json",
): Promise<Answer> {
  const request: IHttpRequest = {
    method: "post",
    url: { path: `/waInstance1101000001/${operationId}/YOUR_TOKEN` },
    headers: { "content-type": contentType },
    body,
  };
  const result = await prism.request(request, loaded)();
  if (result._tag === "Left") throw new Error(`Prism failed: ${String(result.left)}`);
  const { output, validations } = result.right;
  return { status: output.statusCode, violations: validations.input.map((v) => v.message) };
}

function firstRequestExample(operationId: string): Json {
  const op = operations.find((o) => o.operationId === operationId)?.op;
  const content = obj(deref(op?.requestBody, operationId).content, "content");
  const media = obj(Object.values(content)[0], "media");
  const first = Object.values(obj(media.examples, "examples"))[0];
  return deref(first, "example").value as Json;
}

const groupId = "79001234567-1587570015@g.us";
const jsonOperations = operations
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
    expect(loaded.map((o) => o.iid).sort()).toEqual(operations.map((o) => o.operationId).sort());
  });

  test.each(jsonOperations)(
    "%s: the first documented request example is accepted (200)",
    async (id) => {
      expect(await send(id, firstRequestExample(id))).toEqual({ status: 200, violations: [] });
    },
  );

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
