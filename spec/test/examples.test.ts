import { describe, expect, test } from "vitest";
import { bundled, obj } from "./bundled-spec.js";
import { exampleCases, usedComponentExamples } from "./examples.js";
import { componentValidator, describeErrors, validatorFor } from "./schema-validator.js";

describe("every example in the bundled document", () => {
  test("there are examples to check at all", () => {
    // A collector that silently finds nothing would make every test below vacuous.
    expect(exampleCases.length).toBeGreaterThan(100);
  });

  test.each(exampleCases.map((c) => [c.name, c] as const))("%s matches its schema", (_name, c) => {
    const validate = validatorFor(c.schema);
    const ok = validate(c.value);
    expect(ok, describeErrors(validate)).toBe(true);
  });

  test("every component example is used by some response, request or parameter (so it is checked)", () => {
    const defined = Object.keys(
      obj(obj(bundled.components, "components").examples ?? {}, "examples"),
    );
    expect(defined.filter((name) => !usedComponentExamples.has(name))).toEqual([]);
  });
});

/** A minimal getGroupData answer with every required field. */
function groupData(): Record<string, unknown> {
  return {
    groupId: "79001234567-1587570015@g.us",
    owner: "79001234567@c.us",
    subject: "x",
    creation: 1,
    participants: [{ id: "79001234567@c.us", isAdmin: true, isSuperAdmin: true }],
    subjectTime: 1,
    subjectOwner: "79001234567@c.us",
    groupInviteLink: "",
  };
}

describe("the validator rejects bad values (so the checks above can fail)", () => {
  const groupId = "79001234567-1587570015@g.us";
  const rejects: [string, string, unknown][] = [
    ["GroupId", "a personal chat id given as a group id", "79001234568@c.us"],
    ["GroupId", "a group id with spaces", "79001234567 1587570015@g.us"],
    [
      "ChatId",
      "a group id given as a chat id (the seed page's mistake)",
      "79001234568-1112131415@g.us",
    ],
    ["ChatId", "a number with a plus sign", "+79001234568@c.us"],
    ["PhoneNumber", "a phone number sent as a string", "79001234568"],
    [
      "PhoneNumber",
      "a 16-digit number (E.164 allows 15; some 16-digit values pass 2^53-1)",
      1_000_000_000_000_000,
    ],
    ["PhoneNumber", "a fractional number", 7900123456.5],
    ["GroupName", "an empty name", ""],
    ["GroupName", "a name of 101 characters", "x".repeat(101)],
    ["GroupName", "a name of blanks only", "   "],
    [
      "ParticipantRef",
      "both participant fields",
      { groupId, participantChatId: "79001234568@c.us", participantPhone: 79001234568 },
    ],
    ["ParticipantRef", "neither participant field", { groupId }],
    [
      "ParticipantRef",
      "an unknown extra field",
      { groupId, participantChatId: "79001234568@c.us", extra: 1 },
    ],
    [
      "AddGroupParticipantRequest",
      "a phone given as a string",
      { groupId, participantPhone: "79001234568" },
    ],
    [
      "RemoveAdminRequest",
      "both participant fields",
      { groupId, participantChatId: "79001234568@c.us", participantPhone: 79001234568 },
    ],
    [
      "CreateGroupRequest",
      "the removed `phones` alternative",
      { groupName: "x", phones: [79001234568] },
    ],
    ["CreateGroupRequest", "no members", { groupName: "x", chatIds: [] }],
    [
      "CreateGroupRequest",
      "the same member twice",
      { groupName: "x", chatIds: ["79001234568@c.us", "79001234568@c.us"] },
    ],
    ["UpdateGroupSettingsRequest", "no setting at all", { groupId }],
    ["SetGroupPictureRequest", "no file part", { groupId }],
    [
      "SetGroupPictureResponse",
      "a number as urlAvatar",
      { setGroupPicture: false, urlAvatar: 0, reason: "" },
    ],
    ["LeaveGroupResponse", "neither answer field", {}],
    ["LeaveGroupResponse", "a string in leaveGroup", { leaveGroup: "true" }],
    [
      "LeaveGroupResponse",
      "a string in removeAdmin beside leaveGroup",
      { leaveGroup: true, removeAdmin: "yes" },
    ],
    [
      "CreateGroupResponse",
      "a chatId that is neither a group id nor empty",
      { created: false, chatId: "x" },
    ],
    [
      "CreateGroupResponse",
      "a personal chat id as chatId",
      { created: true, chatId: "79001234568@c.us" },
    ],
    [
      "GroupParticipant",
      "a phone-based id in lid",
      { id: "79001234568@c.us", lid: "79001234568@c.us", isAdmin: false, isSuperAdmin: false },
    ],
    ["LidId", "a @lid with a leading zero", "0120650379300963@lid"],
    ["LidId", "a @lid with letters", "12065abc@lid"],
    ["LidId", "a @lid of 4 digits", "1234@lid"],
    ["ParticipantId", "a group id", "120363043968066561@g.us"],
    [
      "ParticipantRef",
      "a group id as the participant",
      { groupId, participantChatId: "120363043968066561@g.us" },
    ],
    [
      "CreateGroupRequest",
      "the same @lid member twice",
      { groupName: "x", chatIds: ["120650379300963@lid", "120650379300963@lid"] },
    ],
    ["ServiceErrorInOk", "an envelope without code", { description: "Unauthorized" }],
    [
      "ServiceErrorInOk",
      "an envelope with an extra field",
      { code: 401, description: "x", extra: 1 },
    ],
    ["ServiceErrorInOk", "a code below 400", { code: 200, description: "OK" }],
    ["GroupData", "a negative size", { ...groupData(), size: -1 }],
    ["GroupId", "an old-form id with an 8-digit time", "79001234567-15875700@g.us"],
    ["GroupId", "a new-form id of 14 digits", "12036304396806@g.us"],
    ["GroupId", "a new-form id of 21 digits", "120363043968066561123@g.us"],
    ["ChatId", "a 6-digit number", "900123@c.us"],
    ["ChatId", "a 16-digit number", "7900123456812345@c.us"],
    [
      "GroupParticipant",
      "an id that is neither @c.us nor @lid",
      { id: "79001234568@s.whatsapp.net", isAdmin: false, isSuperAdmin: false },
    ],
    [
      "GroupData",
      "a member list missing",
      {
        groupId,
        owner: "79001234567@c.us",
        subject: "x",
        creation: 1,
        subjectTime: 1,
        subjectOwner: "79001234567@c.us",
        groupInviteLink: "",
      },
    ],
    ["QuotaReport", "an empty report", {}],
  ];

  test.each(rejects)("%s rejects %s", (schema, _why, value) => {
    expect(componentValidator(schema)(value)).toBe(false);
  });

  test("a documented example, changed to carry a string phone, no longer validates", () => {
    const byPhone = exampleCases.find(
      (c) => c.name === 'request addGroupParticipant application/json "byPhone"',
    );
    expect(byPhone).toBeDefined();
    if (!byPhone) return;
    const validate = validatorFor(byPhone.schema);
    expect(validate(byPhone.value)).toBe(true);
    expect(validate({ ...obj(byPhone.value, "byPhone"), participantPhone: "79001234568" })).toBe(
      false,
    );
  });

  test.each([
    ["LeaveGroupResponse", "both answer fields at once", { leaveGroup: true, removeAdmin: true }],
    ["LeaveGroupResponse", "removeAdmin alone (the older form)", { removeAdmin: true }],
    [
      "CreateGroupResponse",
      "the failure with empty fields",
      { created: false, chatId: "", groupInviteLink: "" },
    ],
    ["CreateGroupResponse", "the failure with created alone", { created: false }],
    [
      "GroupParticipant",
      "a member with a lid beside its phone-based id",
      { id: "79001234568@c.us", lid: "120650379300963@lid", isAdmin: false, isSuperAdmin: false },
    ],
    [
      "GroupData",
      "the newer size and isCommunityAnnounce",
      { ...groupData(), size: 1, isCommunityAnnounce: false },
    ],
    ["ParticipantRef", "a @lid member", { groupId, participantChatId: "120650379300963@lid" }],
    ["CreateGroupRequest", "a @lid member", { groupName: "x", chatIds: ["120650379300963@lid"] }],
    ["ServiceErrorInOk", "the documented envelope", { code: 401, description: "Unauthorized" }],
    ["ChatId", "a 7-digit number", "6834567@c.us"],
    ["ChatId", "a 15-digit number", "790012345681234@c.us"],
    ["GroupId", "a new-form id of 15 digits", "120363043968066@g.us"],
    ["GroupName", "a name of 100 characters", "x".repeat(100)],
    ["ParticipantId", "a @lid member id", "120650379300963@lid"],
    ["ParticipantId", "a @c.us member id", "79001234568@c.us"],
    ["GroupId", "a new-form group id", "120363043968066561@g.us"],
    ["PhoneNumber", "the largest 15-digit number", 999999999999999],
    [
      "SetGroupPictureResponse",
      "a failure with urlAvatar null",
      { setGroupPicture: false, urlAvatar: null, reason: "Timed Out" },
    ],
  ])("%s accepts %s", (schema, _why, value) => {
    const validate = componentValidator(schema);
    expect(validate(value), describeErrors(validate)).toBe(true);
  });
});
