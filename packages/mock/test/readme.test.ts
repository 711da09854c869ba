import { readFileSync } from "node:fs";
import { model } from "@greenspec/spec/model";
import { describe, expect, it } from "vitest";
import { END, examplesSection, START, withExamples } from "../scripts/readme-examples.mjs";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("the README's list of examples", () => {
  it("is what the spec gives today (else run node scripts/readme-examples.mjs --write)", () => {
    expect(withExamples(readme)).toBe(readme);
  });

  it("names every example of every operation with the Prefer header that picks it", () => {
    const section = readme.slice(readme.indexOf(START), readme.indexOf(END));
    for (const operation of model.operations) {
      expect(section).toContain(`### ${operation.id}`);
      for (const answer of operation.answers)
        for (const example of answer.examples)
          expect(section).toContain(`\`code=${answer.status}, example=${example.name}\``);
    }
  });

  it("changes when the spec does: a new example is listed", () => {
    const [first] = model.operations;
    if (!first) throw new Error("the spec has no operation");
    const answers = [
      ...first.answers,
      {
        status: "200",
        mediaType: "application/json",
        schema: undefined,
        examples: [{ name: "brandNew", summary: "New", value: {} }],
      },
    ];
    expect(examplesSection([{ ...first, answers }])).toContain("`code=200, example=brandNew`");
  });
});
