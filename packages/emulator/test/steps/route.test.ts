// The route step alone: a path and a method to an operation, its parameters decoded and checked.
import { describe, expect, it } from "vitest";
import { operationOf, specAnswer } from "../../src/spec.js";
import { route } from "../../src/steps/route.js";
import { callOf, ID, TOKEN } from "./context.js";

const NOW = Date.UTC(2025, 0, 1);
const pathOf = (id: "createGroup" | "getStateInstance", token = TOKEN) =>
  operationOf(id).path.replace("{idInstance}", ID).replace("{apiTokenInstance}", token);

describe("the route step", () => {
  it("passes on the operation whose path matches, with its parameters decoded", () => {
    const call = callOf({ pathname: pathOf("createGroup", "a%2Fb%20c") });
    const routed = route(call, NOW);
    expect(routed).toMatchObject({
      operation: operationOf("createGroup"),
      params: { idInstance: ID, apiTokenInstance: "a/b c" },
      now: NOW,
      call,
    });
    expect("answer" in routed).toBe(false);
  });

  it("matches the method name in the path in any case, as the service does", () => {
    const path = pathOf("createGroup").replace("createGroup", "CreateGroup");
    expect(route(callOf({ pathname: path }), NOW)).toMatchObject({
      operation: operationOf("createGroup"),
    });
  });

  it("answers a path no operation has with the not-found answer, naming no operation", () => {
    const routed = route(callOf({ pathname: `/waInstance${ID}/noSuchMethod/${TOKEN}` }), NOW);
    expect(routed).toEqual({
      answer: specAnswer(operationOf("createGroup"), "wrongMethod"),
      operation: null,
      params: {},
    });
  });

  it("answers a method the operation does not take with its not-found answer", () => {
    const routed = route(callOf({ pathname: pathOf("getStateInstance") }), NOW);
    const operation = operationOf("getStateInstance");
    expect(routed).toEqual({
      answer: specAnswer(operation, "wrongMethod"),
      operation,
      params: { idInstance: ID, apiTokenInstance: TOKEN },
    });
  });

  it("refuses a path that is not valid percent-encoding, with no parameters kept", () => {
    const routed = route(callOf({ pathname: pathOf("createGroup", "%E0%A4%A") }), NOW);
    expect(routed).toMatchObject({ operation: operationOf("createGroup"), params: {} });
    const answer = "answer" in routed ? routed.answer : undefined;
    expect(answer?.status).toBe(specAnswer(operationOf("createGroup"), "badRequestData").status);
    expect(JSON.stringify(answer?.body)).toContain("path is not valid percent-encoding");
  });

  it("refuses path parameters the spec's schema refuses, saying where", () => {
    const path = operationOf("createGroup")
      .path.replace("{idInstance}", "notdigits")
      .replace("{apiTokenInstance}", TOKEN);
    const routed = route(callOf({ pathname: path }), NOW);
    const answer = "answer" in routed ? routed.answer : undefined;
    expect(answer?.status).toBe(specAnswer(operationOf("createGroup"), "badRequestData").status);
    expect(JSON.stringify(answer?.body)).toContain("path/idInstance");
  });
});
