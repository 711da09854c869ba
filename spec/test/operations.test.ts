// Pins the shape every operation must have: the ten Green API group methods, their rate-limit
// extension, their 200 examples, the shared error answers, tags and one source file each.

import { isObject } from "@greenspec/spec/model";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  bundled,
  deref,
  type Json,
  type JsonObject,
  obj,
  operations,
  pathFiles,
  source,
} from "./bundled-spec.js";
import { componentValidator, describeErrors, validatorFor } from "./schema-validator.js";

// The ten group methods of Green API, and the rate limits its pages document (requests per
// second per instance). This is the requirement the spec is checked against, not a second source
// for other packages: they read the bundled document.
const documentedRateLimits: Record<string, number | undefined> = {
  createGroup: 1,
  updateGroupName: 1,
  getGroupData: 1,
  updateGroupSettings: undefined, // beta; Green API lists no limit for it
  addGroupParticipant: 10,
  removeGroupParticipant: 10,
  setGroupAdmin: 10,
  removeAdmin: 10,
  setGroupPicture: 1,
  leaveGroup: 10,
  // The methods a job that fills a group needs beside them (issue 21).
  getStateInstance: 1,
  checkWhatsapp: 10,
  sendMessage: 50,
};
/** The one method that is a GET without a body; every other is a POST. */
const getMethods = new Set(["getStateInstance"]);

// Error answers every operation shares, and the two operations whose answer adds identifiers of
// their own (a superset of the shared one, checked below).
const sharedErrors: Record<string, string> = {
  "400": "BadRequest",
  "401": "Unauthorized",
  "403": "Forbidden",
  "404": "NotFound",
  "429": "TooManyRequests",
  "466": "QuotaExceeded",
  "500": "InternalServerError",
  "502": "BadGateway",
};
const errorOverrides: Record<string, Record<string, string>> = {
  createGroup: { "500": "CreateGroupInternalServerError" },
  setGroupPicture: { "400": "SetGroupPictureBadRequest" },
};

const components = obj(bundled.components, "components");
const responses = obj(components.responses, "responses");

function exampleNames(response: Json | undefined, mediaType: string): string[] {
  const content = obj(deref(response, "response").content, "content");
  return Object.keys(obj(obj(content[mediaType], mediaType).examples ?? {}, "examples"));
}

function identifiers(responseName: string): string[] {
  const content = obj(obj(responses[responseName], responseName).content, "content");
  const examples = obj(obj(content["text/plain"], "text/plain").examples, "examples");
  return Object.values(examples).map((e) => String(deref(e, "example").value));
}

describe("the operations", () => {
  test("are exactly the ten group methods and the three a group job needs, each a POST (getStateInstance a GET) to /waInstance{idInstance}/<method>/{apiTokenInstance}", () => {
    expect(operations.map((o) => o.operationId).sort()).toEqual(
      Object.keys(documentedRateLimits).sort(),
    );
    for (const { path, method, operationId } of operations) {
      expect(method).toBe(getMethods.has(operationId) ? "get" : "post");
      if (method === "get")
        expect(operations.find((o) => o.method === "get")?.op.requestBody).toBeUndefined();
      expect(path).toBe(`/waInstance{idInstance}/${operationId}/{apiTokenInstance}`);
    }
  });

  test("each lives in its own file, spec/paths/<operationId>.yaml", () => {
    const refs = Object.values(obj(source.paths, "source paths")).map(
      (item) => obj(item, "path item").$ref,
    );
    expect(refs).toEqual(operations.map((o) => `paths/${o.operationId}.yaml`));
    expect(pathFiles).toEqual(operations.map((o) => `${o.operationId}.yaml`).sort());
  });

  test.each(operations.map((o) => [o.operationId, o] as const))(
    "%s carries its documented rate limit as x-greenspec-rate-limit, also stated in its description",
    (operationId, { op }) => {
      const limit = documentedRateLimits[operationId];
      if (limit === undefined) {
        expect(op).not.toHaveProperty("x-greenspec-rate-limit");
        expect(String(op.description)).toMatch(/documents none/);
        return;
      }
      expect(op["x-greenspec-rate-limit"]).toEqual({ requestsPerSecond: limit });
      const perSecond = limit === 1 ? "1 request per second" : `${limit} requests per second`;
      expect(String(op.description)).toContain(perSecond);
    },
  );

  test.each(operations.map((o) => [o.operationId, o] as const))(
    "%s has a 200 answer with at least two named examples and says what `false` means",
    (_id, { op }) => {
      const ok = obj(obj(op.responses, "responses")["200"], "200");
      expect(exampleNames(ok, "application/json").length).toBeGreaterThanOrEqual(2);
      expect(String(op.description)).toMatch(
        /`false`|`[a-zA-Z]+: false`|no `false` answer|no boolean answer/,
      );
    },
  );

  test.each(operations.map((o) => [o.operationId, o] as const))(
    "%s references the shared error answers (400, 401, 403, 404, 429, 466, 500, 502)",
    (operationId, { op }) => {
      const opResponses = obj(op.responses, "responses");
      for (const [status, shared] of Object.entries(sharedErrors)) {
        const expected = errorOverrides[operationId]?.[status] ?? shared;
        expect(opResponses[status], `${operationId} ${status}`).toEqual({
          $ref: `#/components/responses/${expected}`,
        });
      }
    },
  );

  test.each(operations.map((o) => [o.operationId, o] as const))(
    "%s says once whether it is safe to repeat: a boolean x-greenspec-idempotent and a reason in its description",
    (_id, { op }) => {
      const idempotent = op["x-greenspec-idempotent"];
      expect(typeof idempotent).toBe("boolean");
      const reason =
        /\*\*Safe to repeat:\*\* (yes|no) \(`x-greenspec-idempotent: (true|false)`\)\. \S/.exec(
          String(op.description),
        );
      expect(reason, "a **Safe to repeat:** paragraph with a reason").not.toBeNull();
      expect(reason?.[1]).toBe(idempotent ? "yes" : "no");
      expect(reason?.[2]).toBe(String(idempotent));
    },
  );

  test("createGroup is not safe to repeat (a repeat makes a second group); the reads are", () => {
    const flag = (id: string) =>
      operations.find((o) => o.operationId === id)?.op["x-greenspec-idempotent"];
    expect(flag("createGroup")).toBe(false);
    expect(String(operations.find((o) => o.operationId === "createGroup")?.op.description)).toMatch(
      /#1016, #416/,
    );
    expect(flag("getGroupData")).toBe(true);
  });

  test("the root description documents x-greenspec-idempotent beside x-greenspec-rate-limit, citing RFC 9110 §9.2.2", () => {
    const text = String(obj(bundled.info, "info").description);
    const extensions = text.slice(text.indexOf("## Extensions"));
    expect(extensions).toMatch(/- `x-greenspec-rate-limit`/);
    expect(extensions).toMatch(/- `x-greenspec-idempotent`[\s\S]*RFC 9110 §9\.2\.2/);
  });

  test("updateGroupSettings is marked beta in its summary, description and x-beta", () => {
    const op = operations.find((o) => o.operationId === "updateGroupSettings")?.op;
    expect(op?.["x-beta"]).toBe(true);
    expect(String(op?.summary)).toMatch(/beta/i);
    expect(String(op?.description)).toMatch(/beta/i);
    const others = operations.filter((o) => o.operationId !== "updateGroupSettings");
    expect(others.filter((o) => "x-beta" in o.op)).toEqual([]);
  });

  test("the four participant methods take ParticipantRef, each through a request schema of its own", () => {
    for (const id of [
      "addGroupParticipant",
      "removeGroupParticipant",
      "setGroupAdmin",
      "removeAdmin",
    ]) {
      const op = operations.find((o) => o.operationId === id)?.op;
      const media = obj(obj(deref(op?.requestBody, id).content, "content")["application/json"], id);
      const name = `${id[0]?.toUpperCase()}${id.slice(1)}Request`;
      expect(media.schema).toEqual({ $ref: `#/components/schemas/${name}` });
      expect(obj(obj(components.schemas, "schemas")[name], name).$ref).toBe(
        "#/components/schemas/ParticipantRef",
      );
    }
  });

  test("setGroupPicture sends multipart/form-data with a JPEG file part and a group id", () => {
    const op = operations.find((o) => o.operationId === "setGroupPicture")?.op;
    const content = obj(deref(op?.requestBody, "setGroupPicture").content, "content");
    expect(Object.keys(content)).toEqual(["multipart/form-data"]);
    const schema = deref(obj(content["multipart/form-data"], "multipart").schema, "schema");
    expect(schema.required).toEqual(["file", "groupId"]);
    expect(obj(schema.properties, "properties").file).toMatchObject({
      type: "string",
      contentMediaType: "image/jpeg",
    });
  });
});

describe("the shared error answers", () => {
  test("400 lists every documented identifier", () => {
    expect(identifiers("BadRequest").sort()).toEqual(
      [
        "instance in starting process try later",
        "instance account not authorized",
        "bad request data",
        "instance is starting or not authorized",
        "Instance account is expired. Renew your instance from personal area",
        "Instance is deleted",
        "Bad Request Validation failed",
        "Validation failed. Details: groupId is required",
        "Unexpected token } in JSON at position 61",
        // Recorded from the live service (issue 23): its validation's own message.
        "Validation failed. Details: 'chatId': invalid phone number",
      ].sort(),
    );
  });

  test("setGroupPicture's 400 and createGroup's 500 keep every shared example and add their own", () => {
    for (const [own, shared, extra] of [
      ["SetGroupPictureBadRequest", "BadRequest", ["File is empty", "Unsupported media type"]],
      ["CreateGroupInternalServerError", "InternalServerError", ["rate overlimit"]],
    ] as const) {
      for (const mediaType of ["application/json", "text/plain"]) {
        expect(exampleNames(responses[own], mediaType)).toEqual(
          expect.arrayContaining(exampleNames(responses[shared], mediaType)),
        );
      }
      expect(identifiers(own)).toEqual(expect.arrayContaining([...identifiers(shared), ...extra]));
    }
  });

  test.each(Object.keys(responses).filter((name) => name !== "QuotaExceeded"))(
    "%s offers JSON and plain text bodies with the same example names",
    (name) => {
      expect(exampleNames(responses[name], "application/json")).toEqual(
        exampleNames(responses[name], "text/plain"),
      );
      expect(exampleNames(responses[name], "application/json").length).toBeGreaterThan(0);
      expect(String(obj(responses[name], name).description)).toMatch(/envelope is not documented/);
    },
  );

  test("example names are camelCase (tests select them with Prefer: example=<name>)", () => {
    const names = Object.values(responses).flatMap((r) =>
      Object.values(obj(obj(r, "response").content, "content")).flatMap((m) =>
        Object.keys(obj(obj(m, "media").examples ?? {}, "examples")),
      ),
    );
    expect(names.filter((n) => !/^[a-z][a-zA-Z0-9]*$/.test(n))).toEqual([]);
  });
});

describe("what Prism can enforce", () => {
  test("no schema uses allOf (Prism merges allOf away and skips the constraints inside it)", () => {
    expect(JSON.stringify(bundled)).not.toContain('"allOf"');
  });
});

describe("tags", () => {
  const order = [
    "createGroup",
    "getGroupData",
    "updateGroupName",
    "updateGroupSettings",
    "addGroupParticipant",
    "removeGroupParticipant",
    "setGroupAdmin",
    "removeAdmin",
    "setGroupPicture",
    "leaveGroup",
    "getStateInstance",
    "checkWhatsapp",
    "sendMessage",
  ];

  test("operations appear in the order a user works: create, read, rename/settings, participants, admins, picture, leave", () => {
    expect(operations.map((o) => o.operationId)).toEqual(order);
  });

  test("every operation has one declared, described tag, and tags follow the operations' order", () => {
    const tags = (bundled.tags as Json[]).map((t) => obj(t, "tag"));
    for (const tag of tags) expect(String(tag.description).length).toBeGreaterThan(10);
    const used = operations.map((o) => {
      expect(o.op.tags).toHaveLength(1);
      return String((o.op.tags as Json[])[0]);
    });
    expect(tags.map((t) => t.name)).toEqual([...new Set(used)]);
    const groups = (bundled["x-tagGroups"] as Json[]).flatMap((g) =>
      isObject(g) ? (g.tags as Json[]) : [],
    );
    expect(groups).toEqual(tags.map((t) => t.name));
  });
});

describe("the 200 error envelope", () => {
  const envelope = componentValidator("ServiceErrorInOk");
  const envelopeSchema = obj(
    obj(components.schemas, "schemas").ServiceErrorInOk,
    "ServiceErrorInOk",
  );

  function okMedia(op: JsonObject) {
    const ok = obj(obj(op.responses, "responses")["200"], "200");
    return obj(obj(ok.content, "content")["application/json"], "application/json");
  }

  /** The success schema of a 200 answer: the oneOf branch that is not the envelope. */
  function successSchema(op: JsonObject): Json {
    const branches = obj(okMedia(op), "media").schema as JsonObject;
    return (branches.oneOf as Json[]).find(
      (b) => obj(b, "branch").$ref !== "#/components/schemas/ServiceErrorInOk",
    ) as Json;
  }

  /** The `required` lists of a schema: its own, or one per anyOf/oneOf branch. */
  function requiredLists(schema: Json): string[][] {
    const node = deref(schema, "schema");
    const branches = (node.anyOf ?? node.oneOf) as Json[] | undefined;
    if (branches) return branches.flatMap(requiredLists);
    return [(node.required as string[] | undefined) ?? []];
  }

  test("is closed and requires exactly code and description", () => {
    expect(envelopeSchema.additionalProperties).toBe(false);
    expect([...(envelopeSchema.required as string[])].sort()).toEqual(["code", "description"]);
    expect(Object.keys(obj(envelopeSchema.properties, "properties")).sort()).toEqual([
      "code",
      "description",
    ]);
  });

  test.each(operations.map((o) => [o.operationId, o] as const))(
    "%s answers 200 with oneOf its success body and the envelope, and a named envelope example",
    (_id, { op }) => {
      const media = okMedia(op);
      const schema = obj(media.schema, "schema");
      expect(schema.oneOf).toHaveLength(2);
      expect(schema.oneOf).toContainEqual({ $ref: "#/components/schemas/ServiceErrorInOk" });
      const example = deref(obj(media.examples, "examples").unauthorizedInOk, "unauthorizedInOk");
      expect(example.value).toEqual({ code: 401, description: "Unauthorized" });
    },
  );

  test.each(operations.map((o) => [o.operationId, o] as const))(
    "%s: no body can match both branches (every success branch requires a field the envelope forbids)",
    (_id, { op }) => {
      const lists = requiredLists(successSchema(op));
      expect(lists.length).toBeGreaterThan(0);
      for (const required of lists) {
        expect(required.filter((name) => name !== "code" && name !== "description")).not.toEqual(
          [],
        );
      }
    },
  );

  test.each(operations.map((o) => [o.operationId, o] as const))(
    "%s: every success example fails the envelope, the envelope fails the success body, oneOf takes both",
    (_id, { op }) => {
      const media = okMedia(op);
      const success = validatorFor(successSchema(op));
      const answer = validatorFor(media.schema as Json);
      const envelopeBody = { code: 401, description: "Unauthorized" };
      expect(success(envelopeBody)).toBe(false);
      expect(answer(envelopeBody)).toBe(true);
      for (const [name, example] of Object.entries(obj(media.examples, "examples"))) {
        const value = deref(example, name).value;
        if (name === "unauthorizedInOk") continue;
        expect(envelope(value), name).toBe(false);
        expect(answer(value), `${name}: ${describeErrors(answer)}`).toBe(true);
      }
    },
  );

  test.each(operations.map((o) => [o.operationId, o] as const))(
    "%s: any envelope body (code 400..599, any identifier) is a valid 200 answer, and adding a field breaks it",
    (_id, { op }) => {
      const answer = validatorFor(okMedia(op).schema as Json);
      const success = validatorFor(successSchema(op));
      fc.assert(
        fc.property(fc.integer({ min: 400, max: 599 }), fc.string(), (code, description) => {
          const body = { code, description };
          return answer(body) && envelope(body) && !success(body);
        }),
        { seed: 20261130, numRuns: 200 },
      );
      // A body carrying the envelope and one more field is neither branch: the envelope is closed.
      expect(answer({ code: 401, description: "Unauthorized", hint: "x" })).toBe(false);
    },
  );

  test("the root description says what an empty 200 body means", () => {
    const text = String(obj(bundled.info, "info").description);
    expect(text).toMatch(
      /\*\*An empty 200\.\*\*[\s\S]*outcome unknown[\s\S]*x-greenspec-idempotent: true/,
    );
  });
});
