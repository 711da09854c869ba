import { describe, expectTypeOf, test } from "vitest";
import {
  type AddGroupParticipantRequest,
  type AddGroupParticipantResponse,
  createGreenApi,
  type GreenApi,
  GreenApiError,
  type GreenApiErrorKind,
  type LeaveGroupResponse,
  type OperationId,
  type OperationMethods,
  type QuotaReport,
} from "../src/bulk-client.js";

const api = createGreenApi({ idInstance: "1101000001", apiTokenInstance: "YOUR_TOKEN" });
const groupId = "79001234567-1587570015@g.us";

describe("participant methods take exactly one of participantChatId / participantPhone", () => {
  test("addGroupParticipant", () => {
    expectTypeOf(
      api.addGroupParticipant({ groupId, participantChatId: "79001234568@c.us" }),
    ).resolves.toEqualTypeOf<{
      addParticipant: boolean;
    }>();
    expectTypeOf(
      api.addGroupParticipant({ groupId, participantPhone: 79001234568 }),
    ).resolves.toEqualTypeOf<AddGroupParticipantResponse>();
    // @ts-expect-error both participant fields
    api.addGroupParticipant({
      groupId,
      participantChatId: "79001234568@c.us",
      participantPhone: 79001234568,
    });
    // @ts-expect-error neither participant field
    api.addGroupParticipant({ groupId });
    // @ts-expect-error a phone given as a string
    api.addGroupParticipant({ groupId, participantPhone: "79001234568" });
    // @ts-expect-error an unknown key in a literal
    api.addGroupParticipant({ groupId, participantChatId: "79001234568@c.us", note: "hi" });
    const withExtra = { groupId, participantChatId: "79001234568@c.us", note: "hi" };
    // @ts-expect-error an unknown key in a variable (no freshness check to lean on)
    api.addGroupParticipant(withExtra);
    const body: AddGroupParticipantRequest = { groupId, participantPhone: 79001234568 };
    api.addGroupParticipant(body, {
      timeout: 1000,
      retry: false,
      headers: { Prefer: "example=notAdded" },
    });
  });

  test("removeGroupParticipant", () => {
    api.removeGroupParticipant({ groupId, participantPhone: 79001234568 });
    // @ts-expect-error both participant fields
    api.removeGroupParticipant({
      groupId,
      participantChatId: "79001234568@c.us",
      participantPhone: 79001234568,
    });
    // @ts-expect-error neither participant field
    api.removeGroupParticipant({ groupId });
  });

  test("setGroupAdmin", () => {
    api.setGroupAdmin({ groupId, participantChatId: "79001234568@c.us" });
    // @ts-expect-error a phone given as a string
    api.setGroupAdmin({ groupId, participantPhone: "79001234568" });
    // @ts-expect-error an unknown key
    api.setGroupAdmin({ groupId, participantChatId: "79001234568@c.us", admin: true });
  });

  test("removeAdmin", () => {
    api.removeAdmin({ groupId, participantChatId: "79001234568@c.us" });
    // @ts-expect-error both participant fields
    api.removeAdmin({
      groupId,
      participantChatId: "79001234568@c.us",
      participantPhone: 79001234568,
    });
  });
});

describe("the other methods are typed from the spec as well", () => {
  test("createGroup", () => {
    expectTypeOf(
      api.createGroup({ groupName: "Team", chatIds: ["79001234568@c.us"] }),
    ).resolves.toHaveProperty("created");
    // @ts-expect-error chatIds must be an array
    api.createGroup({ groupName: "Team", chatIds: "79001234568@c.us" });
    // @ts-expect-error phones is not a field of createGroup
    api.createGroup({ groupName: "Team", chatIds: [], phones: [79001234568] });
  });

  test("updateGroupName", () => {
    api.updateGroupName({ groupId, groupName: "New name" });
    // @ts-expect-error groupName is required
    api.updateGroupName({ groupId });
  });

  test("getGroupData", () => {
    expectTypeOf(api.getGroupData({ groupId })).resolves.toHaveProperty("participants");
    // @ts-expect-error groupId must be a string
    api.getGroupData({ groupId: 79001234567 });
  });

  test("updateGroupSettings", () => {
    api.updateGroupSettings({ groupId, allowParticipantsSendMessages: false });
    // @ts-expect-error settings are booleans
    api.updateGroupSettings({ groupId, allowParticipantsSendMessages: "no" });
  });

  test("setGroupPicture takes a Blob, a File or bytes", () => {
    api.setGroupPicture({ groupId, file: new Blob([]) });
    api.setGroupPicture({ groupId, file: new Uint8Array([0xff, 0xd8]) });
    // @ts-expect-error a path is not a file
    api.setGroupPicture({ groupId, file: "picture.jpg" });
  });

  test("leaveGroup resolves with either documented shape", () => {
    expectTypeOf(api.leaveGroup({ groupId })).resolves.toEqualTypeOf<LeaveGroupResponse>();
    // @ts-expect-error an unknown key
    api.leaveGroup({ groupId, silently: true });
  });
});

test("no method resolves with the error envelope a 200 may carry", () => {
  type Envelope = { code?: number; description: string };
  expectTypeOf(api.getGroupData({ groupId })).resolves.not.toMatchTypeOf<Envelope>();
  expectTypeOf(api.createGroup({ groupName: "T", chatIds: [] })).resolves.toHaveProperty("created");
  expectTypeOf(api.leaveGroup({ groupId })).resolves.not.toHaveProperty("description");
});

test("options are checked too", () => {
  // @ts-expect-error phoneMode has two values
  createGreenApi({ idInstance: "1", apiTokenInstance: "t", phoneMode: "e164" });
  // @ts-expect-error the token is required
  createGreenApi({ idInstance: "1" });
});

test("GreenApiError narrows on kind", () => {
  const thrown: unknown = undefined;
  if (thrown instanceof GreenApiError) {
    expectTypeOf(thrown.kind).toEqualTypeOf<GreenApiErrorKind>();
    expectTypeOf(thrown.operation).toEqualTypeOf<OperationId>();
    if (thrown.kind === "rate-limited")
      expectTypeOf(thrown.retryAfter).toEqualTypeOf<number | undefined>();
    if (thrown.kind === "quota-exceeded")
      expectTypeOf(thrown.quota).toEqualTypeOf<QuotaReport | undefined>();
    if (thrown.kind === "validation") expectTypeOf(thrown.field).toEqualTypeOf<string>();
    if (thrown.kind === "server") expectTypeOf(thrown.status).toEqualTypeOf<number>();
    // @ts-expect-error retryAfter exists only once narrowed to rate-limited
    thrown.retryAfter;
  }
});

describe("an operation without a body (a GET) is called with no argument", () => {
  test("getStateInstance() takes no body and resolves with the state", () => {
    expectTypeOf(api.getStateInstance()).resolves.toEqualTypeOf<{ stateInstance: string }>();
    api.getStateInstance(undefined, { timeout: 1000 });
    // @ts-expect-error a body given to a method that takes none
    api.getStateInstance({ groupId });
  });

  test("sendMessage and checkWhatsapp take their bodies", () => {
    expectTypeOf(
      api.sendMessage({ chatId: "79001234568@c.us", message: "hi" }),
    ).resolves.toEqualTypeOf<{ idMessage: string }>();
    expectTypeOf(api.checkWhatsapp({ phoneNumber: 79001234568 })).resolves.toMatchTypeOf<{
      existsWhatsapp: boolean;
    }>();
    // @ts-expect-error the message is required
    api.sendMessage({ chatId: "79001234568@c.us" });
  });
});

describe("the types follow what the live service answers (issue 23)", () => {
  test("getGroupData's subjectOwner may be missing and its subjectTime null", () => {
    type Group = Awaited<ReturnType<typeof api.getGroupData>>;
    expectTypeOf<Group["subjectOwner"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<null>().toMatchTypeOf<Group["subjectTime"]>();
    expectTypeOf<undefined>().toMatchTypeOf<Group["subjectTime"]>();
    expectTypeOf<Group["groupId"]>().toEqualTypeOf<string>();
  });

  test("setGroupPicture's reason and urlAvatar may be null", () => {
    type Picture = Awaited<ReturnType<typeof api.setGroupPicture>>;
    expectTypeOf<Picture["reason"]>().toEqualTypeOf<string | null>();
    expectTypeOf<Picture["urlAvatar"]>().toEqualTypeOf<string | null>();
  });

  test("onDrift is an option of the client and of each call", () => {
    createGreenApi({
      idInstance: "1101000001",
      apiTokenInstance: "YOUR_TOKEN",
      onDrift: ({ operation, violations }) => {
        expectTypeOf(operation).toEqualTypeOf<OperationId>();
        expectTypeOf(violations).toEqualTypeOf<{ field: string; rule: string }[]>();
      },
    });
    api.leaveGroup({ groupId }, { onDrift: () => {} });
    // @ts-expect-error a listener is a function
    api.leaveGroup({ groupId }, { onDrift: "log" });
  });
});

test("a created group's chatId is a string once created is checked, with no cast", async () => {
  const answer = await api.createGroup({ groupName: "Team", chatIds: ["79001234568@c.us"] });
  // @ts-expect-error before the check, chatId may be absent (a group that was not created)
  const unchecked: string = answer.chatId;
  if (answer.created) {
    expectTypeOf(answer.chatId).toEqualTypeOf<string>();
    await api.getGroupData({ groupId: answer.chatId });
  } else expectTypeOf(answer.chatId).toEqualTypeOf<string | undefined>();
  return unchecked;
});

test("GreenApi names the whole client, the bulk addGroupParticipants included", () => {
  expectTypeOf(api).toEqualTypeOf<GreenApi>();
  const addAll = (client: GreenApi) =>
    client.addGroupParticipants({ groupId, participants: [{ participantPhone: 79001234568 }] });
  expectTypeOf(addAll).returns.resolves.toHaveProperty("counts");
  // The per-operation part alone has no bulk method.
  expectTypeOf<OperationMethods>().not.toHaveProperty("addGroupParticipants");
});
