// The credentials step alone: the instance the URL names, or the answer to a wrong token.
import { describe, expect, it } from "vitest";
import { operationOf, specAnswer } from "../../src/spec.js";
import { credentials } from "../../src/steps/credentials.js";
import { admitted, ID, instanceOf, TOKEN } from "./context.js";

describe("the credentials step", () => {
  it("passes on the instance the URL's id and token name", () => {
    const asked: string[][] = [];
    const instance = instanceOf();
    const found = credentials(admitted("createGroup"), {
      instanceFor: (id, token) => {
        asked.push([id, token]);
        return instance;
      },
    });
    expect(found).toEqual({ instance });
    expect(asked).toEqual([[ID, TOKEN]]);
  });

  it("answers the operation's wrong-token answer when no instance goes with the token", () => {
    const found = credentials(admitted("leaveGroup"), { instanceFor: () => undefined });
    expect(found).toEqual({ answer: specAnswer(operationOf("leaveGroup"), "wrongToken") });
  });
});
