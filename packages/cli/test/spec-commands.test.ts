import { describe, expect, it } from "vitest";
import { deriveCommands, kebabCase, loadSpec } from "../src/spec-commands.js";

const spec = loadSpec() as { paths: Record<string, Record<string, { operationId?: string }>> };
const operationIds = Object.values(spec.paths).flatMap((item) =>
  Object.values(item).flatMap((op) => (op.operationId ? [op.operationId] : [])),
);
const commands = deriveCommands();
const byId = (id: string) => {
  const command = commands.find((c) => c.operationId === id);
  if (!command) throw new Error(`no command for ${id}`);
  return command;
};

describe("commands derived from the bundled spec", () => {
  it("has one command per operation of the spec, named in kebab-case", () => {
    expect(commands.map((c) => c.operationId).sort()).toEqual([...operationIds].sort());
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
    expect(add.alternatives).toEqual([["participantChatId"], ["participantPhone"]]);
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
      expect(byId("setGroupPicture").contentType).toBe("multipart/form-data");
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
    const documented = Object.values(spec.paths).flatMap((item) =>
      Object.values(item).map((op) => {
        const limit = (op as Record<string, { requestsPerSecond?: number } | undefined>)[
          "x-greenspec-rate-limit"
        ];
        return [op.operationId, limit?.requestsPerSecond] as const;
      }),
    );
    expect(documented.some(([, limit]) => limit !== undefined)).toBe(true);
    for (const [id, limit] of documented) expect(byId(String(id)).requestsPerSecond).toBe(limit);
  });
});
