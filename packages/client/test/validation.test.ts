import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGreenApi, type GreenApiError, type GreenApiOptions } from "../src/index.js";
import { failureOf } from "./failure.js";
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

const rejection = (call: () => Promise<unknown>): Promise<GreenApiError> => failureOf(call());

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
    "participantPhone must be a phone number of 7 to 15 digits, country code first, no +, got 79001234568.5",
  ],
  [
    "a phone past 15 digits",
    (api) => api.addGroupParticipant({ groupId, participantPhone: 9_007_199_254_740_991 }),
    "participantPhone must be a phone number of 7 to 15 digits, country code first, no +, got 9007199254740991",
  ],
  [
    "a phone given as a string",
    (api) => api.addGroupParticipant({ groupId, participantPhone: "79001234568" } as never),
    'participantPhone must be a phone number of 7 to 15 digits, country code first, no +, got "79001234568"',
  ],
  [
    "an unknown key",
    (api) => api.removeAdmin({ groupId, participantChatId: "79001234568@c.us", note: 1 } as never),
    "note is not a known field",
  ],
  [
    "a chat id given as groupId",
    (api) => api.leaveGroup({ groupId: "79001234568@c.us" }),
    'groupId must be a group id ending in @g.us: <phone>-<unix time>@g.us or 15 to 20 digits, then @g.us, got "79001234568@c.us"',
  ],
  [
    "a body that is not an object",
    (api) => api.getGroupData(null as never),
    "body must be an object",
  ],
  [
    "the same member twice",
    (api) =>
      api.createGroup({ groupName: "Team", chatIds: ["79001234568@c.us", "79001234568@c.us"] }),
    "chatIds must not list the same value twice",
  ],
  [
    "a group name over the limit",
    (api) => api.updateGroupName({ groupId, groupName: "x".repeat(101) }),
    "groupName must be a group name of 1 to 100 characters, not only blanks, got a text of 101 characters",
  ],
  [
    "settings that change nothing",
    (api) => api.updateGroupSettings({ groupId }),
    "body must have at least 2 fields",
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
    'idInstance must be the instance number from the console: digits only, got "instance-1"',
  ],
  [
    "a missing idInstance",
    () => client({ idInstance: undefined as never }).leaveGroup({ groupId }),
    "idInstance is required",
  ],
  [
    "an empty token",
    () => client({ apiTokenInstance: "" }).leaveGroup({ groupId }),
    "apiTokenInstance must have at least 1 character",
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

describe("messages in the user's words", () => {
  it("names a short phone as a phone with its digits and quotes what was given", async () => {
    const error = await rejection(() =>
      client().addGroupParticipant({ groupId, participantPhone: 12345 }),
    );
    expect(error.message).toBe(
      "addGroupParticipant: participantPhone must be a phone number of 7 to 15 digits, country code first, no +, got 12345",
    );
    expect(error.message).not.toMatch(/>=|\^|\$|\{/);
  });

  it("names a malformed participant id as a person, not a regular expression", async () => {
    const error = await rejection(() =>
      client().removeGroupParticipant({ groupId, participantChatId: "+79001234568" }),
    );
    expect(error.message).toContain("participantChatId must be a person: <phone>@c.us");
    expect(error.message).toContain('got "+79001234568"');
  });

  it("names the place in a list and the value there", async () => {
    const error = await rejection(() =>
      client().createGroup({ groupName: "Team", chatIds: ["79001234568@c.us", "bob"] }),
    );
    expect(error.message).toContain("chatIds.1 must be a person");
    expect(error.message).toContain('got "bob"');
  });
});
