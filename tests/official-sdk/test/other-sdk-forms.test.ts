// The request forms of Green API's other official SDKs that the JS SDK does not send, byte for
// byte (see the README's table for the source of each), against the emulator over HTTP. Each test
// checks the emulator's answer and its state.
import { type EmulatorServer, startEmulator } from "@greenspec/emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  earlierPythonPicture,
  GO_HEADERS as GO,
  goPicture,
  javaPicture,
  PYTHON_HEADERS as PYTHON,
  pythonPicture,
  type RawRequest,
} from "../src/picture-forms.js";
import { postAfterContinue, postRaw } from "../src/raw-requests.js";

const ID = "1101000002";
const TOKEN = "other-sdk-forms-t0ken";
const A = "79001234568@c.us";
const B = "79001234569@c.us";
const JSON_TYPE = { "content-type": "application/json" };

let server: EmulatorServer;
let groupId: string;

beforeAll(async () => {
  server = await startEmulator({ clock: "manual" });
});
afterAll(() => server.close());

/** POSTs to `method` (spelled as given) one second after the last call, clear of rate limits. */
function call(
  method: string,
  headers: Record<string, string>,
  body: string | Uint8Array<ArrayBuffer>,
) {
  server.emulator.clock.advance(1000);
  return postRaw(`${server.url}/waInstance${ID}/${method}/${TOKEN}`, headers, body);
}

function group(id = groupId) {
  return server.emulator.snapshot().groups.find((g) => g.groupId === id);
}
const member = (id: string) => group()?.participants.find((p) => p.id === id);
const setPicture = (request: RawRequest) => call("setGroupPicture", request.headers, request.body);
const instanceChatId = () =>
  server.emulator.snapshot().instances.find((i) => i.idInstance === ID)?.chatId ?? "";

// Each test starts from a fresh group made the plain way, with A in it and the instance admin.
beforeEach(async () => {
  const made = await call(
    "createGroup",
    JSON_TYPE,
    JSON.stringify({ groupName: "Base", chatIds: [A] }),
  );
  groupId = (made.body as { chatId: string }).chatId;
  expect(member(A)).toBeDefined();
});

describe("Python SDK (whatsapp-api-client-python)", () => {
  it("creates a group from requests' json= text (spaces after separators), with its User-Agent and Connection: close", async () => {
    // json.dumps escapes every non-ASCII character: "Команда" arrives as \u escapes.
    const body = `{"groupName": "Python \\u041a\\u043e\\u043c\\u0430\\u043d\\u0434\\u0430", "chatIds": ["${A}", "${B}"]}`;
    const made = await call("createGroup", { ...JSON_TYPE, ...PYTHON }, body);
    expect(made.status).toBe(200);
    const created = group((made.body as { chatId: string }).chatId);
    expect(created?.subject).toBe("Python Команда");
    expect(created?.participants.map((p) => p.id)).toEqual(expect.arrayContaining([A, B]));
  });

  it("runs a flow on the earlier SDKs' UpperCamel method names (/AddGroupParticipant/ ...), as on lowerCamel ones", async () => {
    const json = { ...JSON_TYPE, ...PYTHON };
    const who = JSON.stringify({ groupId, participantChatId: B });
    expect((await call("AddGroupParticipant", json, who)).body).toEqual({ addParticipant: true });
    expect(member(B)?.isAdmin).toBe(false);
    expect((await call("SetGroupAdmin", json, who)).status).toBe(200);
    expect(member(B)?.isAdmin).toBe(true);
    expect((await call("RemoveAdmin", json, who)).status).toBe(200);
    expect(member(B)?.isAdmin).toBe(false);
    const rename = JSON.stringify({ groupId, groupName: "Upper" });
    expect((await call("UpdateGroupName", json, rename)).status).toBe(200);
    expect(group()?.subject).toBe("Upper");
    const read = await call("GetGroupData", json, JSON.stringify({ groupId }));
    expect((read.body as { subject: string }).subject).toBe("Upper");
    expect((await call("RemoveGroupParticipant", json, who)).status).toBe(200);
    expect(member(B)).toBeUndefined();
    expect((await call("LeaveGroup", json, JSON.stringify({ groupId }))).status).toBe(200);
    expect(member(instanceChatId())).toBeUndefined();
  });

  it("sets the picture from requests' multipart (groupId, then the file by its base name, image/jpeg)", async () => {
    const set = await setPicture(pythonPicture(groupId));
    expect(set.status).toBe(200);
    expect(group()?.urlAvatar).toBe((set.body as { urlAvatar: string }).urlAvatar);
  });

  it("refuses the earlier SDK's extra `path` part (with image/jpg) as the spec does, and changes nothing", async () => {
    // methods/groups.py sent every argument as a form field; the spec's SetGroupPictureRequest
    // has additionalProperties: false (Prism 5.12 drops unknown parts; the emulator keeps to it).
    const set = await setPicture(earlierPythonPicture(groupId));
    expect(set.status).toBe(400);
    expect(group()?.urlAvatar).toBeNull();
  });
});

describe("Go SDK (whatsapp-api-client-golang)", () => {
  it("creates a group from encoding/json's map text (keys sorted, compact)", async () => {
    const made = await call(
      "createGroup",
      { ...JSON_TYPE, ...GO },
      `{"chatIds":["${B}"],"groupName":"Go"}`,
    );
    expect(made.status).toBe(200);
    expect(
      group((made.body as { chatId: string }).chatId)?.participants.map((p) => p.id),
    ).toContain(B);
  });

  it("sets the picture from mime/multipart: the file part named by the whole path given, application/octet-stream", async () => {
    const set = await setPicture(goPicture(groupId));
    expect(set.status).toBe(200);
    expect(group()?.urlAvatar).toEqual(expect.any(String));
  });
});

describe("Java SDK (whatsapp-api-client-java)", () => {
  it("sets the picture from Spring's multipart: the file first, then groupId as text/plain;charset=UTF-8", async () => {
    const set = await setPicture(javaPicture(groupId));
    expect(set.status).toBe(200);
    expect(group()?.urlAvatar).toEqual(expect.any(String));
  });

  it("refuses the earlier leaveGroup's bare group id as a JSON body (malformed JSON); the instance stays", async () => {
    const left = await call("leaveGroup", JSON_TYPE, groupId);
    expect(left.status).toBe(400);
    expect(member(instanceChatId())).toMatchObject({ isAdmin: true });
  });
});

describe("PHP SDK (whatsapp-api-client-php)", () => {
  it("answers curl's Expect: 100-continue (sent before a larger body), then creates the group", async () => {
    // 60 members make a body over 1 KB; none ends in 0000 (the emulator's "no WhatsApp").
    const members = Array.from({ length: 60 }, (_, i) => `790030${1000 + i}@c.us`);
    server.emulator.clock.advance(1000);
    const made = await postAfterContinue(
      `${server.url}/waInstance${ID}/CreateGroup/${TOKEN}`,
      { "content-type": "application/json; charset=utf-8" },
      JSON.stringify({ groupName: "Curl", chatIds: members }),
    );
    expect(made).toMatchObject({ status: 200, continued: true });
    const created = group((made.body as { chatId: string }).chatId);
    expect(created?.participants.map((p) => p.id)).toEqual(expect.arrayContaining(members));
  });

  it("renames on /UpdateGroupName/ with application/json; charset=utf-8 and unescaped UTF-8", async () => {
    const renamed = await call(
      "UpdateGroupName",
      { "content-type": "application/json; charset=utf-8" },
      `{"groupId":"${groupId}","groupName":"Команда ✓"}`,
    );
    expect(renamed.body).toEqual({ updateGroupName: true });
    expect(group()?.subject).toBe("Команда ✓");
  });
});
