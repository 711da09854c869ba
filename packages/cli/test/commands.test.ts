import { createSpecModel, type JsonObject, model } from "@greenspec/spec/model";
import { describe, expect, it } from "vitest";
import { kebabCase, placeholderCredentials, specCommands } from "../src/commands.js";
import { optionFor } from "../src/flags.js";

const operationIds = model.operations.map((operation) => operation.id);
const commands = specCommands();
const byId = (id: string) => {
  const command = commands.find((c) => c.operation.id === id);
  if (!command) throw new Error(`no command for ${id}`);
  return command;
};

describe("commands derived from the bundled spec", () => {
  it("has one command per operation of the spec, named in kebab-case", () => {
    expect(commands.map((c) => c.operation.id).sort()).toEqual([...operationIds].sort());
    expect(commands.map((c) => c.command)).toContain("add-group-participant");
    expect(new Set(commands.map((c) => c.command)).size).toBe(commands.length);
  });

  it("turns camelCase names into kebab-case flags", () => {
    expect(kebabCase("participantChatId")).toBe("participant-chat-id");
    expect(kebabCase("allowParticipantsEditGroupSettings")).toBe(
      "allow-participants-edit-group-settings",
    );
  });

  it("types the phone as an integer and the chat id as a string, one of them per call", () => {
    const add = byId("addGroupParticipant");
    const kinds = Object.fromEntries(add.fields.map((f) => [f.name, f.kind]));
    expect(kinds).toMatchObject({
      groupId: "string",
      participantChatId: "string",
      participantPhone: "integer",
    });
    expect(add.fields.find((f) => f.name === "groupId")?.required).toBe(true);
    expect(add.fields.find((f) => f.name === "participantPhone")?.required).toBe(false);
    expect(add.operation.request?.exactlyOneOf).toEqual([
      ["participantChatId"],
      ["participantPhone"],
    ]);
    expect(add.outcomeFields).toEqual(["addParticipant"]);
  });

  it("gives every field the description the spec writes for it", () => {
    for (const command of commands) {
      for (const field of command.fields) expect(field.description, field.name).not.toBe("");
    }
  });

  it.runIf(operationIds.includes("createGroup"))("reads chatIds as a list of strings", () => {
    expect(byId("createGroup").fields.find((f) => f.name === "chatIds")?.kind).toBe("string-array");
  });

  it.runIf(operationIds.includes("setGroupPicture"))(
    "reads the picture as a file of the spec's media type",
    () => {
      const file = byId("setGroupPicture").fields.find((f) => f.name === "file");
      expect(file?.kind).toBe("file");
      expect(file?.mediaType).toBe("image/jpeg");
    },
  );

  it.runIf(operationIds.includes("updateGroupSettings"))("reads settings as booleans", () => {
    const fields = byId("updateGroupSettings").fields.filter((f) => f.name !== "groupId");
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) expect(field.kind).toBe("boolean");
  });

  it.runIf(operationIds.includes("leaveGroup"))(
    "treats either documented answer of leaveGroup as its outcome",
    () => {
      expect(byId("leaveGroup").outcomeFields.sort()).toEqual(["leaveGroup", "removeAdmin"]);
    },
  );

  it.runIf(operationIds.includes("getGroupData"))("finds no yes/no outcome in getGroupData", () => {
    expect(byId("getGroupData").outcomeFields).toEqual([]);
  });

  it("carries the rate limit wherever the spec documents one", () => {
    const documented = model.operations.map((o) => [o.id, o.rateLimit?.requestsPerSecond] as const);
    expect(documented.some(([, limit]) => limit !== undefined)).toBe(true);
    for (const [id, limit] of documented)
      expect(byId(id).operation.rateLimit?.requestsPerSecond).toBe(limit);
  });

  it("carries the spec model's own operation, not a renamed copy of it", () => {
    for (const command of commands)
      expect(command.operation).toBe(model.operation(command.operation.id));
  });

  it("takes the placeholder credentials for --mock from the spec's path parameter examples", () => {
    const [first] = model.operations;
    expect(placeholderCredentials()).toEqual({
      idInstance: first?.pathParameters.find((p) => p.name === "idInstance")?.example,
      apiTokenInstance: first?.pathParameters.find((p) => p.name === "apiTokenInstance")?.example,
    });
  });
});

describe("fields of every type the client's generator accepts", () => {
  /** The command of a one-operation document whose body has these properties. */
  function commandWith(properties: JsonObject) {
    const document = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        "/x": {
          post: {
            operationId: "doThing",
            requestBody: {
              content: {
                "application/json": { schema: { type: "object", required: ["a"], properties } },
              },
            },
            responses: { "200": { description: "ok" } },
          },
        },
      },
    };
    const [command] = specCommands(createSpecModel(document).operations);
    if (!command) throw new Error("no command");
    return command;
  }

  it.each([
    [{ type: "string" }, "string"],
    [{ type: ["string", "null"] }, "string"],
    [{ type: "integer" }, "integer"],
    [{ type: "boolean" }, "boolean"],
    [{ type: "array", items: { type: "string" } }, "string-array"],
    [{ type: "array", items: { type: "integer" } }, "integer-array"],
    [{ type: "array", items: { type: "boolean" } }, "json"],
    [{ type: "object", properties: { b: { type: "string" } } }, "json"],
    [{ oneOf: [{ type: "string" }, { type: "integer" }] }, "json"],
  ] as const)("reads %j as a %s flag that parses its value", (schema, kind) => {
    const field = commandWith({ a: schema as JsonObject }).fields[0];
    expect(field?.kind).toBe(kind);
    if (field) expect(optionFor(field).long).toBe("--a");
  });

  it("refuses allOf, which the generator and Prism do not handle, when the spec is read", () => {
    expect(() =>
      specCommands(
        createSpecModel({
          openapi: "3.1.0",
          info: { title: "t", version: "1" },
          paths: {
            "/x": {
              post: {
                operationId: "doThing",
                requestBody: {
                  content: { "application/json": { schema: { allOf: [{ type: "object" }] } } },
                },
                responses: { "200": { description: "ok" } },
              },
            },
          },
        }).operations,
      ),
    ).toThrow(/allOf is not supported/);
  });
});
