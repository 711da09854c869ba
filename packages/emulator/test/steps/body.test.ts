// The body step alone: a valid body is handed on, anything the spec refuses gets its 400 (or the
// file answers), and an operation without a body reads none.
import { describe, expect, it } from "vitest";
import { MAX_JSON_BODY_BYTES } from "../../src/limits.js";
import { operationOf, specAnswer } from "../../src/spec.js";
import { body } from "../../src/steps/body.js";
import { JPEG, PNG } from "../helpers.js";
import { admitted, callOf } from "./context.js";

const GROUP = "120363000000000001@g.us";
const refusalStatus = specAnswer(operationOf("createGroup"), "validationFailedRecorded").status;
const messageOf = (verdict: unknown) =>
  String((verdict as { body: { message?: string } }).body.message);

function multipart(fields: Record<string, string | Blob>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return callOf({ contentType: "multipart/form-data; boundary=x", formData: async () => form });
}

describe("the body step on a JSON body", () => {
  it("hands a valid body on to the behaviour, and to the journal", async () => {
    const sent = { groupId: GROUP, groupName: "Team" };
    const state = admitted("updateGroupName", { call: callOf({ body: JSON.stringify(sent) }) });
    expect(await body(state)).toBeUndefined();
    expect(state).toMatchObject({ body: sent, request: sent });
  });

  it("refuses a body the schema refuses, saying where and keeping it for the journal", async () => {
    const sent = { groupId: GROUP };
    const state = admitted("updateGroupName", { call: callOf({ body: JSON.stringify(sent) }) });
    const verdict = await body(state);
    expect(verdict?.status).toBe(refusalStatus);
    expect(messageOf(verdict)).toContain("Details: body");
    expect(state).toMatchObject({ body: undefined, request: sent });
  });

  it("answers malformed JSON with the documented text, its character and position", async () => {
    const state = admitted("updateGroupName", { call: callOf({ body: '{"groupId":x}' }) });
    const verdict = await body(state);
    expect(verdict?.status).toBe(
      specAnswer(operationOf("updateGroupName"), "malformedJson").status,
    );
    expect(JSON.stringify(verdict?.body)).toContain("token x in JSON at position 11");
  });

  it("refuses a body in another media type unread", async () => {
    const call = callOf({ contentType: "text/plain" });
    const verdict = await body(admitted("updateGroupName", { call }));
    expect(messageOf(verdict)).toContain("content type must be application/json");
  });

  it("refuses a declared length over the limit before reading anything", async () => {
    const call = callOf({ contentLength: MAX_JSON_BODY_BYTES + 1 });
    const verdict = await body(admitted("updateGroupName", { call }));
    expect(messageOf(verdict)).toContain("body is too large");
  });

  it("reads no body for an operation without one", async () => {
    const state = admitted("getStateInstance", { call: callOf({ method: "GET" }) });
    expect(await body(state)).toBeUndefined();
    expect(state).toMatchObject({ body: undefined, request: null });
  });
});

describe("the body step on a multipart body", () => {
  it("hands a JPEG picture on", async () => {
    const file = new Blob([JPEG], { type: "image/jpeg" });
    const state = admitted("setGroupPicture", { call: multipart({ groupId: GROUP, file }) });
    expect(await body(state)).toBeUndefined();
    expect(state.request).toEqual({
      groupId: GROUP,
      file: { type: "image/jpeg", size: JPEG.length },
    });
  });

  it("answers an empty file with the operation's fileEmpty answer", async () => {
    const file = new Blob([], { type: "image/jpeg" });
    const verdict = await body(
      admitted("setGroupPicture", { call: multipart({ groupId: GROUP, file }) }),
    );
    expect(verdict).toEqual(specAnswer(operationOf("setGroupPicture"), "fileEmpty"));
  });

  it("answers a file of another type with the unsupportedMediaType answer", async () => {
    const file = new Blob([PNG], { type: "image/jpeg" });
    const verdict = await body(
      admitted("setGroupPicture", { call: multipart({ groupId: GROUP, file }) }),
    );
    expect(verdict).toEqual(specAnswer(operationOf("setGroupPicture"), "unsupportedMediaType"));
  });

  it("refuses a body that is not multipart", async () => {
    const verdict = await body(admitted("setGroupPicture"));
    expect(messageOf(verdict)).toContain("body is not multipart/form-data");
  });
});
