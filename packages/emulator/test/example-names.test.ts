// Answers are chosen through names generated from the spec's examples: the generated lists are
// the model's, and (checked by `tsc` in the package's typecheck) a wrong example name, a name an
// operation lacks, or an operation without a behaviour is a type error.
import { model } from "@greenspec/spec/model";
import { describe, expect, it } from "vitest";
import { type Behaviours, stateless } from "../src/behaviours/context.js";
import { behaviours } from "../src/behaviours/index.js";
import { exampleNames, operationIds } from "../src/generated/example-names.js";
import { type OperationId, operationOf, operations, specAnswer } from "../src/spec.js";
import { admitted, envOf } from "./steps/context.js";

/** The names of an operation's JSON examples, as the model gives them. */
function namesInModel(id: string): string[] {
  const names = new Set<string>();
  for (const answer of model.operation(id).answers)
    if (answer.mediaType === "application/json" && Number.isInteger(Number(answer.status)))
      for (const example of answer.examples) names.add(example.name);
  return [...names];
}

describe("the generated example names", () => {
  it("list exactly the model's operations, in its order", () => {
    expect([...operationIds]).toEqual(model.operations.map((operation) => operation.id));
  });

  it("list exactly each operation's example names (the generated module is not stale)", () => {
    for (const id of operationIds) expect([...exampleNames[id]], id).toEqual(namesInModel(id));
  });

  it("give a behaviour to every operation of the spec", () => {
    for (const operation of operations)
      expect(typeof behaviours[operation.id as OperationId], operation.id).toBe("function");
  });
});

describe("choosing an answer by a generated name", () => {
  it("answers the named example of the operation", () => {
    const answer = specAnswer(operationOf("addGroupParticipant"), "notAdded");
    expect(answer.body).toEqual({ addParticipant: false });
  });

  it("still refuses at run time a name that is not the operation's", () => {
    // @ts-expect-error "notAdded" is addGroupParticipant's example, not createGroup's
    expect(() => specAnswer(operationOf("createGroup"), "notAdded")).toThrow(
      "createGroup documents no answer named notAdded",
    );
  });

  it("takes, for an operation typed as any of them, only names every operation documents", () => {
    const any = operations[0] as (typeof operations)[number];
    expect(specAnswer(any, "wrongToken").status).toBe(
      specAnswer(operationOf("createGroup"), "wrongToken").status,
    );
    // @ts-expect-error only createGroup documents "created"
    expect(() => specAnswer(operationOf("leaveGroup") as typeof any, "created")).toThrow();
  });

  it("lets a stateless behaviour name the example it answers", () => {
    const table: Partial<Behaviours> = { checkWhatsapp: stateless("exists") };
    const answer = table.checkWhatsapp?.(
      admitted("checkWhatsapp", { body: { phoneNumber: 79001234568 } }) as never,
    );
    expect(answer).toEqual(specAnswer(operationOf("checkWhatsapp"), "exists"));
    // @ts-expect-error "created" is not one of checkWhatsapp's examples
    const wrong: Partial<Behaviours> = { checkWhatsapp: stateless("created") };
    expect(wrong).toBeDefined();
    expect(envOf()).toBeDefined();
  });

  it("makes a behaviour table without one of the operations a type error", () => {
    const { leaveGroup: _left, ...withoutLeaveGroup } = behaviours;
    // @ts-expect-error leaveGroup has no behaviour in this table
    const incomplete: Behaviours = withoutLeaveGroup;
    expect(Object.keys(incomplete)).not.toContain("leaveGroup");
  });
});
