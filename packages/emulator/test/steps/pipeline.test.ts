// The pipeline alone, on a hand-made emulator: the steps run in their documented order (the
// first to answer wins, and the later ones change nothing), and every call is journaled.
import { describe, expect, it } from "vitest";
import { Journal } from "../../src/journal.js";
import { answerCall, type PipelineEnv } from "../../src/pipeline.js";
import { operationOf, specAnswer } from "../../src/spec.js";
import { callOf, envOf, ID, instanceOf, TOKEN } from "./context.js";

const BODY = JSON.stringify({ groupId: "120363000000000001@g.us", participantPhone: 79001234568 });
const PATH = operationOf("addGroupParticipant")
  .path.replace("{idInstance}", ID)
  .replace("{apiTokenInstance}", TOKEN);

function pipelineEnv(instance = instanceOf()): PipelineEnv {
  return { ...envOf({ instanceFor: () => instance }), journal: new Journal() };
}

const bodyOf = (outcome: unknown) => JSON.parse((outcome as { body: string }).body);

describe("the pipeline", () => {
  it("answers with the first step that answers: the quota before the instance's state", async () => {
    const instance = instanceOf({ state: "notAuthorized", quota: 0 });
    const outcome = await answerCall(pipelineEnv(instance), callOf({ pathname: PATH, body: BODY }));
    const documented = specAnswer(operationOf("addGroupParticipant"), "quotaExceeded");
    expect(outcome).toMatchObject({ status: documented.status });
  });

  it("answers the instance's state before reading the body", async () => {
    const instance = instanceOf({ state: "starting" });
    // callOf's body reader throws if called: the state step answers first.
    const outcome = await answerCall(pipelineEnv(instance), callOf({ pathname: PATH }));
    const documented = specAnswer(operationOf("addGroupParticipant"), "instanceStarting");
    expect(bodyOf(outcome)).toEqual(documented.body);
  });

  it("runs the behaviour once every step passed, and journals the call with its body", async () => {
    const env = pipelineEnv();
    const outcome = await answerCall(env, callOf({ pathname: PATH, body: BODY }));
    expect(bodyOf(outcome)).toEqual({ addParticipant: false }); // no such group
    expect(env.journal.list()).toMatchObject([
      {
        seq: 1,
        operation: "addGroupParticipant",
        idInstance: ID,
        path: PATH.replace(TOKEN, "***"),
        request: JSON.parse(BODY),
        answer: { addParticipant: false },
      },
    ]);
  });

  it("drops the connection for a reset fault, journaled with status 0", async () => {
    const env = pipelineEnv();
    env.faults.add("addGroupParticipant", {
      status: undefined,
      body: undefined,
      reset: true,
      delay: 0,
      left: 1,
      after: 0,
    });
    const outcome = await answerCall(env, callOf({ pathname: PATH, body: BODY }));
    expect(outcome).toEqual({ reset: true });
    expect(env.journal.list()).toMatchObject([{ status: 0, request: null, answer: null }]);
  });

  it("journals a path no operation has without naming an operation", async () => {
    const env = pipelineEnv();
    await answerCall(env, callOf({ pathname: `/waInstance${ID}/nothing/${TOKEN}` }));
    expect(env.journal.list()).toMatchObject([{ operation: null, idInstance: null }]);
    expect(JSON.stringify(env.journal.list())).not.toContain(TOKEN);
  });
});
