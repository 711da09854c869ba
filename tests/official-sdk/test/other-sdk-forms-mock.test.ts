// The same SDK request forms against the contract mock (the real Prism): those Prism can route
// pass its validation (200, no `sl-violations`); the known differences are pinned.
import { type Mock, startMock } from "@greenspec/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  earlierPythonPicture,
  GO_HEADERS,
  goPicture,
  javaPicture,
  PYTHON_HEADERS,
  pythonPicture,
  type RawRequest,
} from "../src/picture-forms.js";
import { postRaw } from "../src/raw-requests.js";

const GROUP = "120363043968066561@g.us";
const TOKEN = "mock-forms-t0ken";

let mock: Mock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock?.close());

const post = (method: string, headers: Record<string, string>, body: string | RawRequest["body"]) =>
  postRaw(`${mock.url}/waInstance1101000005/${method}/${TOKEN}`, headers, body);

async function expectAccepted(answer: ReturnType<typeof post>) {
  const { status, headers } = await answer;
  expect({ status, violations: headers.get("sl-violations") }).toEqual({
    status: 200,
    violations: null,
  });
}

describe("JSON forms", () => {
  it("accepts requests' json= text (Python) with its headers", async () => {
    const body = `{"groupName": "Python", "chatIds": ["79001234568@c.us"]}`;
    await expectAccepted(
      post("createGroup", { "content-type": "application/json", ...PYTHON_HEADERS }, body),
    );
  });

  it("accepts encoding/json's sorted compact text (Go)", async () => {
    const body = `{"chatIds":["79001234568@c.us"],"groupName":"Go"}`;
    await expectAccepted(
      post("createGroup", { "content-type": "application/json", ...GO_HEADERS }, body),
    );
  });

  it("accepts application/json; charset=utf-8 with raw UTF-8 (PHP)", async () => {
    const body = `{"groupId":"${GROUP}","groupName":"Команда ✓"}`;
    await expectAccepted(
      post("updateGroupName", { "content-type": "application/json; charset=utf-8" }, body),
    );
  });

  it("has no route for an UpperCamel method name (the spec lists lowerCamel paths only)", async () => {
    const body = JSON.stringify({ groupId: GROUP, groupName: "Upper" });
    const answer = await post("UpdateGroupName", { "content-type": "application/json" }, body);
    expect(answer.status).toBe(404);
  });
});

describe("setGroupPicture multipart forms", () => {
  const send = (request: RawRequest) => post("setGroupPicture", request.headers, request.body);

  it("accepts the Python SDK's", () => expectAccepted(send(pythonPicture(GROUP))));
  it("accepts the Go SDK's (whole path as filename, octet-stream)", () =>
    expectAccepted(send(goPicture(GROUP))));
  it("accepts the Java SDK's (file first, typed text part)", () =>
    expectAccepted(send(javaPicture(GROUP))));
  it("lets the earlier Python SDK's extra `path` part through, where the emulator refuses it", () =>
    expectAccepted(send(earlierPythonPicture(GROUP))));
});
