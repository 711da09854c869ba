// Round trip: every member id the spec lets getGroupData return (participants[].id and
// participants[].lid) must be accepted as the person by each method that takes one, both by
// Ajv2020 (what the client's validators follow) and by Prism's request validation (the mock).
// The ids are generated from the patterns the spec itself states, with a fixed seed.
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { bundled, deref, type Json, type JsonObject, obj, operations } from "./bundled-spec.js";
import { loadPrism, type Prism } from "./prism.js";
import { componentValidator, describeErrors, validatorFor } from "./schema-validator.js";

const SEED = 20261130;
const GROUP_ID = "120363043968066561@g.us";

const schemas = obj(obj(bundled.components, "components").schemas, "schemas");

function operation(id: string): JsonObject {
  const found = operations.find((o) => o.operationId === id);
  if (!found) throw new Error(`no operation ${id}`);
  return found.op;
}

/** The JSON request body schema of an operation (undefined for a multipart one). */
function requestSchema(id: string): Json | undefined {
  if (operation(id).requestBody === undefined) return undefined;
  const content = obj(deref(operation(id).requestBody, id).content, `${id} content`);
  const json = content["application/json"];
  return json === undefined ? undefined : (obj(json, `${id} json`).schema as Json);
}

function jsonRequestSchema(id: string): Json {
  const schema = requestSchema(id);
  if (schema === undefined) throw new Error(`${id} takes no JSON body`);
  return schema;
}

function okSchema(id: string): Json {
  const ok = obj(obj(operation(id).responses, "responses")["200"], "200");
  return obj(obj(ok.content, "content")["application/json"], "json").schema as Json;
}

/** Follows `$ref`s and collects every `pattern` a string schema (or its oneOf branches) states. */
function patternsOf(schema: Json, where: string): string[] {
  const node = deref(schema, where);
  const own = typeof node.pattern === "string" ? [node.pattern] : [];
  const branches = Array.isArray(node.oneOf) ? node.oneOf : [];
  return [...own, ...branches.flatMap((b, i) => patternsOf(b, `${where}/oneOf/${i}`))];
}

/** Follows a chain of `$ref`s (a request schema may be a named reference to a shared one). */
function derefAll(schema: Json, where: string): JsonObject {
  let node = deref(schema, where);
  for (let hops = 0; typeof node.$ref === "string" && hops < 10; hops++) node = deref(node, where);
  return node;
}

const participantProps = obj(obj(schemas.GroupParticipant, "GroupParticipant").properties, "props");
// The member id fields of getGroupData's answer, read from the spec.
const idFields = ["id", "lid"] as const;
const idPatterns = idFields.flatMap((field) =>
  patternsOf(participantProps[field] as Json, `GroupParticipant.${field}`),
);

/** Operations whose body names one person in participantChatId (read from the spec). */
const participantMethods = operations
  .filter(({ operationId }) => {
    const schema = requestSchema(operationId);
    if (schema === undefined) return false;
    const target = derefAll(schema, operationId);
    const branches = Array.isArray(target.oneOf) ? target.oneOf : [target];
    return branches.some(
      (b) => "participantChatId" in obj(deref(b, "branch").properties ?? {}, "p"),
    );
  })
  .map((o) => o.operationId);

const validGroupData = validatorFor(okSchema("getGroupData"));

/** A getGroupData answer listing one member with the given id fields. */
function groupDataWith(member: { id: string; lid?: string }): JsonObject {
  return {
    groupId: GROUP_ID,
    owner: "79001234567@c.us",
    subject: "Round trip",
    creation: 1717430400,
    participants: [
      { id: "79001234567@c.us", isAdmin: true, isSuperAdmin: true },
      { ...member, isAdmin: false, isSuperAdmin: false },
    ],
    subjectTime: 1717430400,
    subjectOwner: "79001234567@c.us",
    groupInviteLink: "",
  };
}

/** Ids generated from the spec's own patterns, plus near misses that the answer must refuse. */
const memberIds = fc.oneof(
  ...idPatterns.map((pattern) => fc.stringMatching(new RegExp(pattern, "u"))),
  fc.string({ maxLength: 30 }),
  fc.stringMatching(/^0[0-9]{4,24}@(?:lid|c\.us)$/),
);

/** The ids getGroupData may return in one of the member fields, as a fast-check sample. */
function reportableIds(runs: number): { field: string; id: string }[] {
  const samples = fc.sample(fc.tuple(fc.constantFrom(...idFields), memberIds), {
    seed: SEED,
    numRuns: runs,
  });
  return samples
    .map(([field, id]) => ({ field, id }))
    .filter(({ field, id }) => {
      const member = field === "id" ? { id } : { id: "79001234568@c.us", lid: id };
      return validGroupData(groupDataWith(member));
    });
}

describe("member ids reported by getGroupData are accepted back as participants", () => {
  test("the participant methods, read from the spec, are the four Green API documents", () => {
    expect(participantMethods.sort()).toEqual(
      ["addGroupParticipant", "removeAdmin", "removeGroupParticipant", "setGroupAdmin"].sort(),
    );
  });

  test("getGroupData's answer declares both member id fields, with patterns to generate from", () => {
    expect(idPatterns.length).toBeGreaterThanOrEqual(3); // @c.us and @lid in id, @lid in lid
    expect(idPatterns.some((p) => p.includes("@lid"))).toBe(true);
  });

  test("Ajv: every reportable id is accepted by each participant method and by createGroup.chatIds", () => {
    const methods = participantMethods.map(
      (id) => [id, validatorFor(jsonRequestSchema(id))] as const,
    );
    const createGroup = validatorFor(jsonRequestSchema("createGroup"));
    let checked = 0;
    fc.assert(
      fc.property(fc.tuple(fc.constantFrom(...idFields), memberIds), ([field, id]) => {
        const member = field === "id" ? { id } : { id: "79001234568@c.us", lid: id };
        // Only ids the spec lets getGroupData return are owed a round trip.
        fc.pre(validGroupData(groupDataWith(member)));
        checked++;
        for (const [name, validate] of methods) {
          const ok = validate({ groupId: GROUP_ID, participantChatId: id });
          if (!ok) throw new Error(`${name} refused ${id}: ${describeErrors(validate)}`);
        }
        const ok = createGroup({ groupName: "Round trip", chatIds: [id] });
        if (!ok) throw new Error(`createGroup refused ${id}: ${describeErrors(createGroup)}`);
      }),
      { seed: SEED, numRuns: 500, maxSkipsPerRun: 100 },
    );
    // The preconditions must not have discarded everything.
    expect(checked).toBeGreaterThan(200);
  });

  test("the generator also offers ids getGroupData may NOT return, and they stay refused as input", () => {
    const refused = fc
      .sample(fc.stringMatching(/^0[0-9]{4,24}@(?:lid|c\.us)$/), { seed: SEED, numRuns: 50 })
      .concat(["", "79001234568", "79001234568@s.whatsapp.net", "abc@lid", "12@lid"]);
    const participantId = componentValidator("ParticipantId");
    const add = validatorFor(jsonRequestSchema("addGroupParticipant"));
    for (const id of refused) {
      expect(validGroupData(groupDataWith({ id })), id).toBe(false);
      expect(participantId(id), id).toBe(false);
      expect(add({ groupId: GROUP_ID, participantChatId: id }), id).toBe(false);
    }
  });

  describe("through Prism's request validation", () => {
    let prism: Prism;
    beforeAll(async () => {
      prism = await loadPrism();
    });
    const sample = reportableIds(80);

    test("the Prism sample holds both id forms in both fields", () => {
      expect(sample.some(({ id }) => id.endsWith("@lid"))).toBe(true);
      expect(sample.some(({ id }) => id.endsWith("@c.us"))).toBe(true);
      expect(new Set(sample.map(({ field }) => field)).size).toBe(2);
    });

    test.each(participantMethods)("%s accepts every sampled id (200, no violation)", async (op) => {
      for (const { id } of sample) {
        const answer = await prism.send(op, { groupId: GROUP_ID, participantChatId: id });
        expect(answer, `${op} ${id}`).toEqual({ status: 200, violations: [] });
      }
    });

    test("createGroup accepts every sampled id in chatIds (200, no violation)", async () => {
      for (const { id } of sample) {
        const answer = await prism.send("createGroup", { groupName: "Round trip", chatIds: [id] });
        expect(answer, id).toEqual({ status: 200, violations: [] });
      }
    });

    test.each([...participantMethods, "createGroup"])(
      "%s still refuses a malformed @lid (400 with a violation)",
      async (op) => {
        const body =
          op === "createGroup"
            ? { groupName: "Round trip", chatIds: ["0123456789@lid"] }
            : { groupId: GROUP_ID, participantChatId: "12ab@lid" };
        const answer = await prism.send(op, body);
        expect(answer.status).toBe(400);
        expect(answer.violations.length).toBeGreaterThan(0);
      },
    );
  });
});
