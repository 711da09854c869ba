// The client's operation table, the CLI's commands and the docs' operation list are each exactly
// the spec model's list of operations, in its order.
import { join } from "node:path";
import { operations } from "@greenspec/client";
import { listOperations } from "@greenspec/docs/src/operations.mjs";
import { loadSpec } from "@greenspec/docs/src/site.mjs";
import { model } from "@greenspec/spec/model";
import { describe, expect, it } from "vitest";
import { architectureDir, binOf, runNode } from "./workspace.js";

const ids = model.operations.map((operation) => operation.id);
const kebab = (id: string) => id.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

describe("every list of operations is the spec model's", () => {
  it("the model lists operations at all", () => {
    expect(ids.length).toBeGreaterThan(0);
  });

  it("the client's generated table", () => {
    expect(Object.keys(operations)).toEqual(ids);
  });

  it("the docs' list of the bundled document", () => {
    expect(listOperations(loadSpec()).map((entry) => entry.operationId)).toEqual(ids);
  });

  it("the CLI's commands (one per operation, then its own bulk add)", async () => {
    const cli = binOf(join(architectureDir, "node_modules/@greenspec/cli"), "greenspec");
    const help = await runNode(cli, ["--help"], architectureDir, 30_000);
    expect(help.code, help.stderr).toBe(0);
    const section = help.stdout.split(/^Commands:$/m)[1] ?? "";
    const commands = [...section.matchAll(/^ {2}(\S+)/gm)].map((match) => match[1]);
    expect(commands).toEqual([...ids.map(kebab), "add-group-participants", "help"]);
  });
});
