// Pins the spec model: every operation of the sources is listed, bad references fail loudly with
// their pointer, the server default fills every variable, and extensions read as documented.
import { readdirSync, readFileSync } from "node:fs";
import {
  createSpecModel,
  documentUrls,
  type JsonObject,
  model,
  SpecModelError,
} from "@greenspec/spec/model";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";

const specDir = new URL("..", import.meta.url);

/** A small valid document; `patch` changes the one operation or the document around it. */
function doc(patch: { operation?: JsonObject; root?: JsonObject } = {}): JsonObject {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    servers: [{ url: "https://{host}", variables: { host: { default: "api.example.test" } } }],
    paths: {
      "/thing/{id}": {
        post: {
          operationId: "makeThing",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" }, example: "7" },
          ],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/Req" } } },
          },
          responses: {
            "200": {
              description: "ok",
              content: {
                "application/json": {
                  schema: {
                    oneOf: [
                      { $ref: "#/components/schemas/Ok" },
                      { $ref: "#/components/schemas/Envelope" },
                    ],
                  },
                  examples: { done: { value: { done: true } } },
                },
              },
            },
            "400": {
              description: "bad",
              content: {
                "application/json": { schema: { $ref: "#/components/schemas/Envelope" } },
              },
            },
          },
          ...patch.operation,
        },
      },
    },
    components: {
      schemas: {
        Req: { type: "object", properties: { name: { type: "string" } } },
        Ok: { type: "object", required: ["done"], properties: { done: { type: "boolean" } } },
        Envelope: {
          "x-greenspec-error-envelope": true,
          type: "object",
          required: ["description"],
          properties: { code: { type: "integer" }, description: { type: "string" } },
        },
      },
    },
    ...patch.root,
  };
}

function thrown(run: () => unknown): SpecModelError {
  try {
    run();
  } catch (error) {
    if (error instanceof SpecModelError) return error;
    throw error;
  }
  throw new Error("expected a SpecModelError");
}

describe("the bundled model", () => {
  test("lists every operation of spec/openapi.yaml, one per spec/paths file, in document order", () => {
    const source = parse(readFileSync(new URL("openapi.yaml", specDir), "utf8")) as {
      paths: Record<string, unknown>;
    };
    const files = readdirSync(new URL("paths/", specDir)).map((f) => f.replace(/\.yaml$/, ""));
    const fromSource = Object.keys(source.paths).map((path) => path.split("/")[2]);
    expect(model.operations.map((o) => o.id)).toEqual(fromSource);
    expect([...model.operations.map((o) => o.id)].sort()).toEqual(files.sort());
    for (const operation of model.operations) {
      expect(operation.path).toBe(`/waInstance{idInstance}/${operation.id}/{apiTokenInstance}`);
      expect(operation.pathParameters.map((p) => p.name)).toEqual([
        "idInstance",
        "apiTokenInstance",
      ]);
      expect(operation.success.status).toBe(200);
      expect(operation.success.examples.length).toBeGreaterThanOrEqual(2);
    }
  });

  test("finds the file part of setGroupPicture and the exactly-one-of choice of addGroupParticipant", () => {
    expect(model.operation("setGroupPicture").request?.files).toEqual([
      { name: "file", mediaType: "image/jpeg" },
    ]);
    expect(model.operation("addGroupParticipant").request?.exactlyOneOf).toEqual([
      ["participantChatId"],
      ["participantPhone"],
    ]);
    expect(model.operation("addGroupParticipant").request?.files).toEqual([]);
  });

  test("reads the rate limit and x-beta from each operation", () => {
    const raw = (id: string) => model.operation(id).raw;
    for (const operation of model.operations) {
      expect(operation.rateLimit).toEqual(raw(operation.id)["x-greenspec-rate-limit"]);
      expect(operation.beta).toBe(raw(operation.id)["x-beta"] === true);
    }
  });

  test("gives the default server with every variable at its default", () => {
    expect(model.defaultServerUrl()).toMatch(/^https:\/\/[^{}]+$/);
  });

  test("locates dist/openapi.json and dist/openapi.yaml beside itself", () => {
    expect(JSON.parse(readFileSync(documentUrls.json, "utf8"))).toEqual(model.document);
    expect(parse(readFileSync(documentUrls.yaml, "utf8"))).toEqual(model.document);
  });

  test("freezes the document, so no consumer can change what the others read", () => {
    expect(() => {
      (model.document.info as JsonObject).title = "changed";
    }).toThrow(TypeError);
  });

  test("imports no Node built-in and no other package (it runs in a browser)", () => {
    const dist = new URL("dist/", specDir);
    const files = readdirSync(dist, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".js"));
    const specifiers = files.flatMap((file) =>
      [
        ...readFileSync(new URL(file, dist), "utf8").matchAll(
          /\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)/g,
        ),
      ].map((m) => m[1] ?? m[2]),
    );
    expect(specifiers.length).toBeGreaterThan(0);
    expect(specifiers.filter((s) => !s?.startsWith("./") && !s?.startsWith("../"))).toEqual([]);
  });
});

describe("references", () => {
  test("a dangling $ref fails when the model is made, naming the ref and where it is", () => {
    const bad = doc();
    (bad.components as { schemas: JsonObject }).schemas.Req = { $ref: "#/components/schemas/Gone" };
    const error = thrown(() => createSpecModel(bad));
    expect(error.message).toContain('dangling $ref "#/components/schemas/Gone"');
    expect(error.pointer).toBe("#/components/schemas/Req");
  });

  test("a cyclic $ref chain fails, naming the chain", () => {
    const bad = doc();
    const schemas = (bad.components as { schemas: JsonObject }).schemas;
    schemas.A = { $ref: "#/components/schemas/B" };
    schemas.B = { $ref: "#/components/schemas/A" };
    const error = thrown(() => createSpecModel(bad));
    expect(error.message).toMatch(
      /cyclic \$ref chain #\/components\/schemas\/(A|B) -> .* -> #\/components\/schemas\/(A|B)/,
    );
  });

  test("resolveDeep fails on a schema that contains itself, and inlines every other ref", () => {
    const recursive = doc();
    (recursive.components as { schemas: JsonObject }).schemas.Tree = {
      type: "object",
      properties: { child: { $ref: "#/components/schemas/Tree" } },
    };
    const m = createSpecModel(recursive);
    expect(() => m.resolveDeep({ $ref: "#/components/schemas/Tree" })).toThrow(/cyclic \$ref/);
    expect(JSON.stringify(m.resolveDeep(m.operation("makeThing").success.schema))).not.toContain(
      "$ref",
    );
  });

  test("a reference outside the document is refused, not fetched", () => {
    const bad = doc();
    (bad.components as { schemas: JsonObject }).schemas.Req = { $ref: "other.yaml#/Req" };
    expect(thrown(() => createSpecModel(bad)).message).toMatch(
      /unsupported \$ref "other.yaml#\/Req"/,
    );
  });

  test("a $ref inside an example value is data, not a reference", () => {
    const withData = doc({
      operation: {
        requestBody: {
          content: {
            "application/json": {
              schema: { type: "object" },
              examples: { odd: { value: { $ref: "#/nowhere" } } },
            },
          },
        },
      },
    });
    expect(createSpecModel(withData).operation("makeThing").request?.examples[0]?.value).toEqual({
      $ref: "#/nowhere",
    });
  });
});

describe("servers", () => {
  test("fills the host variable of https://{host}", () => {
    expect(createSpecModel(doc()).defaultServerUrl()).toBe("https://api.example.test");
  });

  test("fills a whole-URL variable such as {apiUrl}", () => {
    const root = {
      servers: [{ url: "{apiUrl}", variables: { apiUrl: { default: "https://a.test" } } }],
    };
    expect(createSpecModel(doc({ root })).defaultServerUrl()).toBe("https://a.test");
  });

  test("fills every variable of a URL with several", () => {
    const root = {
      servers: [
        {
          url: "{scheme}://{host}:{port}/v1",
          variables: {
            scheme: { default: "http" },
            host: { default: "h.test" },
            port: { default: "8080" },
          },
        },
      ],
    };
    expect(createSpecModel(doc({ root })).defaultServerUrl()).toBe("http://h.test:8080/v1");
  });

  test("fails on a variable without a default, and on a document without servers", () => {
    const noDefault = { servers: [{ url: "https://{host}", variables: {} }] };
    expect(() => createSpecModel(doc({ root: noDefault })).defaultServerUrl()).toThrow(
      /host has no default/,
    );
    expect(() => createSpecModel(doc({ root: { servers: [] } })).defaultServerUrl()).toThrow(
      /no server/,
    );
  });
});

describe("operations", () => {
  test("tells the success body from the error envelope in the 200 answer's oneOf", () => {
    const { success } = createSpecModel(doc()).operation("makeThing");
    expect(success.body).toEqual({ $ref: "#/components/schemas/Ok" });
    expect(success.envelope).toEqual({ $ref: "#/components/schemas/Envelope" });
    expect(success.branches.map((b) => b.envelope)).toEqual([false, true]);
  });

  test("keeps a 200 schema without an envelope branch whole", () => {
    const m = createSpecModel(
      doc({
        operation: {
          responses: {
            "200": {
              description: "ok",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Ok" } } },
            },
          },
        },
      }),
    );
    expect(m.operation("makeThing").success.body).toEqual({ $ref: "#/components/schemas/Ok" });
    expect(m.operation("makeThing").success.envelope).toBeUndefined();
  });

  test("reads x-greenspec-idempotent, a missing one as false, and refuses a non-boolean", () => {
    expect(createSpecModel(doc()).operation("makeThing").idempotent).toBe(false);
    const yes = doc({ operation: { "x-greenspec-idempotent": true } });
    expect(createSpecModel(yes).operation("makeThing").idempotent).toBe(true);
    expect(createSpecModel(yes).operation("makeThing").extensions).toEqual({
      "x-greenspec-idempotent": true,
    });
    const bad = doc({ operation: { "x-greenspec-idempotent": "yes" } });
    expect(thrown(() => createSpecModel(bad)).pointer).toBe("#/paths/~1thing~1{id}/post");
  });

  test("reads x-greenspec-outcome as alternatives, a missing one as undefined", () => {
    expect(createSpecModel(doc()).operation("makeThing").outcome).toBeUndefined();
    const flat = doc({ operation: { "x-greenspec-outcome": ["done"] } });
    expect(createSpecModel(flat).operation("makeThing").outcome).toEqual([["done"]]);
    const either = doc({ operation: { "x-greenspec-outcome": [["done"], ["done"]] } });
    expect(createSpecModel(either).operation("makeThing").outcome).toEqual([["done"], ["done"]]);
  });

  test("refuses an outcome field that the success body does not have, or an empty list", () => {
    for (const value of [["gone"], [], "done", [["done"], []], [1]]) {
      const bad = doc({ operation: { "x-greenspec-outcome": value } });
      const error = thrown(() => createSpecModel(bad));
      expect(error.pointer, JSON.stringify(value)).toBe(
        "#/paths/~1thing~1{id}/post/x-greenspec-outcome",
      );
    }
  });

  test("the bundled document names the outcome fields of every operation", () => {
    for (const operation of model.operations) expect(operation.outcome, operation.id).toBeDefined();
    expect(model.operation("getGroupData").outcome).toEqual([["groupId", "participants"]]);
    expect(model.operation("leaveGroup").outcome).toEqual([["leaveGroup"], ["removeAdmin"]]);
  });

  test("refuses a rate limit that is not a positive number of requests per second", () => {
    for (const value of [0, -1, "10", { requestsPerSecond: 0 }, { requestsPerSecond: "1" }]) {
      const bad = doc({ operation: { "x-greenspec-rate-limit": value } });
      expect(() => createSpecModel(bad), JSON.stringify(value)).toThrow(SpecModelError);
    }
  });

  test("fails on an operation without a 2xx answer, and on a duplicate or missing operationId", () => {
    expect(() =>
      createSpecModel(doc({ operation: { responses: { "400": { description: "x" } } } })),
    ).toThrow(/no 2xx answer/);
    expect(() => createSpecModel(doc({ operation: { operationId: "not an id" } }))).toThrow(
      /not an identifier/,
    );
    expect(() => createSpecModel(doc()).operation("nope")).toThrow(/no operation nope/);
  });

  test("takes a path parameter's example, and a file part's media type from its encoding first", () => {
    const multipart = doc({
      operation: {
        requestBody: {
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                required: ["pic"],
                properties: {
                  pic: { type: "string", contentMediaType: "image/png" },
                  note: { type: "string", format: "binary" },
                  text: {
                    type: "string",
                    contentMediaType: "text/plain",
                    contentEncoding: "base64",
                  },
                },
              },
              encoding: { pic: { contentType: "image/jpeg, image/png" } },
            },
          },
        },
      },
    });
    const operation = createSpecModel(multipart).operation("makeThing");
    expect(operation.pathParameters).toEqual([
      expect.objectContaining({ name: "id", example: "7", required: true }),
    ]);
    expect(operation.request?.files).toEqual([
      { name: "pic", mediaType: "image/jpeg" },
      { name: "note", mediaType: "application/octet-stream" },
    ]);
    expect(operation.request?.fields.map((f) => [f.name, f.required, f.file])).toEqual([
      ["pic", true, true],
      ["note", false, true],
      ["text", false, false],
    ]);
  });

  test("refuses allOf in a body (Prism skips the constraints inside it)", () => {
    const bad = doc();
    (bad.components as { schemas: JsonObject }).schemas.Req = { allOf: [{ type: "object" }] };
    expect(() => createSpecModel(bad)).toThrow(/allOf is not supported/);
  });
});

describe("a schema's words for a user (x-greenspec-expected)", () => {
  test("are read through a $ref, and absent where the schema has none", () => {
    const phone = model.resolve({ $ref: "#/components/schemas/PhoneNumber" });
    expect(model.expectedOf({ $ref: "#/components/schemas/PhoneNumber" })).toMatch(/phone number/);
    expect(model.expectedOf(phone)).toMatch(/7 to 15 digits/);
    expect(model.expectedOf({ type: "string" })).toBeUndefined();
  });

  test("fail loudly, with their pointer, when they are not a non-empty string", () => {
    const document = doc();
    const schemas = (document.components as { schemas: JsonObject }).schemas;
    schemas.Pin = { type: "string", "x-greenspec-expected": 4 };
    const bad = createSpecModel(document);
    const error = thrown(() => bad.expectedOf({ $ref: "#/components/schemas/Pin" }));
    expect(error.pointer).toBe("#/components/schemas/Pin/x-greenspec-expected");
  });
});
