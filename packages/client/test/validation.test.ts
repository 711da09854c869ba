import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGreenApi, GreenApiError, type GreenApiOptions } from "../src/index.js";
import { json, type ScriptedServer, startScripted } from "./http-server.js";

const TOKEN = "YOUR_TOKEN_validation";
const groupId = "79001234567-1587570015@g.us";
let server: ScriptedServer;

beforeAll(async () => {
  server = await startScripted(json(200, {}));
});
afterAll(() => server.close());

function client(overrides: Partial<GreenApiOptions> = {}) {
  return createGreenApi({
    idInstance: "1101000001",
    apiTokenInstance: TOKEN,
    apiUrl: server.url,
    ...overrides,
  });
}

async function rejection(call: () => Promise<unknown>): Promise<GreenApiError> {
  const error = await call().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(GreenApiError);
  return error as GreenApiError;
}

// Bodies that break the spec, the method they go to, and the message the caller reads.
const cases: [string, (api: ReturnType<typeof client>) => Promise<unknown>, string][] = [
  [
    "both participant fields",
    (api) =>
      api.addGroupParticipant({
        groupId,
        participantChatId: "79001234568@c.us",
        participantPhone: 79001234568,
      } as never),
    "participantChatId and participantPhone must not both be given (give exactly one)",
  ],
  [
    "neither participant field",
    (api) => api.removeGroupParticipant({ groupId } as never),
    "participantChatId or participantPhone is required (give exactly one)",
  ],
  [
    "a fractional phone",
    (api) => api.setGroupAdmin({ groupId, participantPhone: 79001234568.5 }),
    "participantPhone must be of type integer",
  ],
  [
    "a phone past 15 digits",
    (api) => api.addGroupParticipant({ groupId, participantPhone: 9_007_199_254_740_991 }),
    "participantPhone must be <= 999999999999999",
  ],
  [
    "a phone given as a string",
    (api) => api.addGroupParticipant({ groupId, participantPhone: "79001234568" } as never),
    "participantPhone must be of type integer",
  ],
  [
    "an unknown key",
    (api) => api.removeAdmin({ groupId, participantChatId: "79001234568@c.us", note: 1 } as never),
    "note is not a known field",
  ],
  [
    "a chat id given as groupId",
    (api) => api.leaveGroup({ groupId: "79001234568@c.us" }),
    "groupId must match ^(?:[1-9][0-9]{6,14}-[1-9][0-9]{8,10}|[1-9][0-9]{14,19})@g\\.us$",
  ],
  [
    "a body that is not an object",
    (api) => api.getGroupData(null as never),
    "body must be of type object",
  ],
  [
    "the same member twice",
    (api) =>
      api.createGroup({ groupName: "Team", chatIds: ["79001234568@c.us", "79001234568@c.us"] }),
    "chatIds must satisfy uniqueItems",
  ],
  [
    "a group name over the limit",
    (api) => api.updateGroupName({ groupId, groupName: "x".repeat(101) }),
    "groupName must satisfy maxLength 100",
  ],
  [
    "settings that change nothing",
    (api) => api.updateGroupSettings({ groupId }),
    "body must satisfy minProperties 2",
  ],
  [
    "a picture given as a path",
    (api) => api.setGroupPicture({ groupId, file: "picture.jpg" } as never),
    "file must be a Blob or a Uint8Array",
  ],
  ["a picture left out", (api) => api.setGroupPicture({ groupId } as never), "file is required"],
  [
    "a non-digit idInstance",
    () => client({ idInstance: "instance-1" }).leaveGroup({ groupId }),
    "idInstance must match ^[0-9]+$",
  ],
  [
    "a missing idInstance",
    () => client({ idInstance: undefined as never }).leaveGroup({ groupId }),
    "idInstance is required",
  ],
  [
    "an empty token",
    () => client({ apiTokenInstance: "" }).leaveGroup({ groupId }),
    "apiTokenInstance must satisfy minLength 1",
  ],
];

describe("local validation", () => {
  for (const [what, call, message] of cases) {
    it(`rejects ${what} before any request is sent`, async () => {
      const error = await rejection(() => call(client()));
      expect(error.kind).toBe("validation");
      expect(error.attempts).toBe(0);
      expect(error.message).toBe(`${error.operation}: ${message}`);
      if (error.kind !== "validation") return;
      expect(`${error.field} ${error.rule}`).toBe(message);
    });
  }

  it("sent no request for any of them", () => {
    expect(server.received).toHaveLength(0);
  });

  it("lets a valid body through to the server", async () => {
    const api = createGreenApi({
      idInstance: "1101000001",
      apiTokenInstance: TOKEN,
      apiUrl: server.url,
      retry: false,
    });
    // The scripted server answers {}, which is not a 200 body of the spec.
    const error = await rejection(() =>
      api.addGroupParticipant({ groupId, participantPhone: 79001234568 }),
    );
    expect(error.kind).toBe("unexpected-response");
    expect(server.received).toHaveLength(1);
  });
});
