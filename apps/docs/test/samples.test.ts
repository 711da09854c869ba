import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Mock, startMock } from "@greenspec/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultServerUrl, firstRequestExample, listOperations } from "../src/operations.mjs";
import { CREDENTIAL_VARIABLES, exampleSamples, SAMPLE_LANGUAGES } from "../src/samples.mjs";
import { LANGUAGES, loadSpec, localizedSpec } from "../src/site.mjs";
import { builtDefinition } from "./built-pages.js";
import { operationNamed } from "./spec-helpers.js";
import { typeCheck } from "./typecheck.js";

const spec = loadSpec();
const operations = listOperations(spec);
const built = builtDefinition("en");
const builtOperations = listOperations(built);

type Sample = { lang: string; label: string; source: string };
const samplesOf = (operationId: string): Sample[] =>
  builtOperations.find((entry) => entry.operationId === operationId)?.operation["x-codeSamples"] ??
  [];
const sampleOf = (operationId: string, lang: string): string => {
  const sample = samplesOf(operationId).find((candidate) => candidate.lang === lang);
  if (!sample) throw new Error(`${operationId} has no ${lang} sample`);
  return sample.source;
};

describe("code samples", () => {
  it.each(operations.map((entry) => entry.operationId))(
    "%s has a sample in every configured language, reading the credentials from the environment",
    (operationId) => {
      const samples = samplesOf(operationId);
      expect(samples.map((sample) => sample.lang)).toEqual(
        SAMPLE_LANGUAGES.map(({ lang }) => lang),
      );
      for (const { source } of samples) {
        for (const variable of Object.values(CREDENTIAL_VARIABLES))
          expect(source).toContain(variable);
        // curl globs {} and [] in URLs: a brace left in a sample stops it before any request.
        expect(source).not.toMatch(/\{\{|YOUR_TOKEN/);
      }
      // The shell fills in ${VARIABLE}; whatever else reaches curl's URL holds no glob character.
      const url = sampleOf(operationId, "curl")
        .split("\n")[0]
        ?.replace(/\$\{\w+\}/g, "");
      expect(url).not.toMatch(/[{}[\]]/);
    },
  );

  it("are the same on every language's page", () => {
    for (const { code } of LANGUAGES) {
      const other = listOperations(builtDefinition(code));
      expect(other.map(({ operation }) => operation["x-codeSamples"])).toEqual(
        builtOperations.map(({ operation }) => operation["x-codeSamples"]),
      );
    }
  });

  it.each(operations.map((entry) => entry.operationId))(
    "%s's curl sample sends the operation's first request example",
    (operationId) => {
      const { operation } = operationNamed(spec, operationId);
      const request = firstRequestExample(spec, operation);
      const curl = sampleOf(operationId, "curl");
      if (request?.mediaType === "application/json") {
        const body = /--data '([\s\S]*)'\n$/.exec(curl)?.[1];
        expect(JSON.parse(body ?? "null")).toEqual(request.value);
      } else if (request?.mediaType === "multipart/form-data") {
        expect(curl).not.toContain("--data");
        for (const name of Object.keys(request.value))
          expect(curl).toMatch(new RegExp(`-F '${name}=`));
      }
    },
  );

  it("send multipart form data wherever the operation takes it", () => {
    const multipart = operations.filter(
      ({ operation }) => firstRequestExample(spec, operation)?.mediaType === "multipart/form-data",
    );
    expect(multipart.length).toBeGreaterThan(0);
    for (const { operationId } of multipart) {
      expect(sampleOf(operationId, "curl")).toMatch(/-F '\w+=@/);
      expect(sampleOf(operationId, "curl")).not.toContain("Content-Type: application/json");
      expect(sampleOf(operationId, "Python")).toMatch(/files=\{/);
      expect(sampleOf(operationId, "TypeScript")).toMatch(/new Blob\(/);
    }
  });
});

describe("TypeScript samples against the real client types", () => {
  const guideSnippets = (code: string) =>
    [...String(localizedSpec(spec, code).info.description).matchAll(/```ts\n([\s\S]*?)```/g)].map(
      (match) => match[1] ?? "",
    );

  it("every operation's sample and every guide snippet compiles", () => {
    const snippets: Record<string, string> = {};
    for (const entry of operations) {
      for (const { key, samples } of exampleSamples(
        built,
        operationNamed(built, entry.operationId),
      )) {
        const typescript = samples.find((sample) => sample.lang === "TypeScript");
        snippets[`${entry.operationId}-${key}`] = typescript?.source ?? "";
      }
    }
    for (const { code } of LANGUAGES) {
      const found = guideSnippets(code);
      expect(found.length, `guide/${code}.md has TypeScript snippets`).toBeGreaterThan(0);
      found.forEach((source, index) => {
        snippets[`guide-${code}-${index}`] = source;
      });
    }
    const diagnostics = typeCheck(snippets);
    expect(diagnostics).toEqual(
      Object.fromEntries(Object.keys(diagnostics).map((name) => [name, []])),
    );
  });

  it("fails a sample that misspells a field, adds an unknown one or calls an unknown method", () => {
    const source = sampleOf("addGroupParticipant", "TypeScript");
    expect(source).toContain("// npm install <greenspec checkout>/packs/*.tgz");
    expect(source).toContain("@greenspec/client, once published");
    expect(source).toContain("error instanceof GreenApiError");
    const diagnostics = typeCheck({
      misspelled: source.replace("participantChatId:", "participantChatID:"),
      extra: source.replace(
        "participantChatId:",
        "participantPhone: 79001234568,\n  participantChatId:",
      ),
      unknownMethod: source.replace("api.addGroupParticipant(", "api.addGroupMember("),
    });
    expect(diagnostics.misspelled?.join("\n")).toContain("participantChatID");
    expect(diagnostics.extra?.join("\n")).toContain("participantPhone");
    expect(diagnostics.unknownMethod?.join("\n")).toContain("addGroupMember");
  });
});

describe("curl and Python samples against the contract mock", () => {
  let mock: Mock;
  let workDir: string;
  const hasPython = spawnSync("python3", ["-c", "import requests"]).status === 0;
  const idInstance = String(spec.components.parameters.IdInstance.example);

  beforeAll(async () => {
    mock = await startMock();
    workDir = mkdtempSync(join(tmpdir(), "greenspec-samples-"));
    // The smallest JPEG header is enough: the mock checks the form, not the picture.
    writeFileSync(join(workDir, "file.jpg"), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xd9]));
  });
  afterAll(async () => {
    await mock?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  /** The sample as a reader runs it: the two variables set, the host pointed at the mock. */
  const env = {
    ...process.env,
    [CREDENTIAL_VARIABLES.idInstance]: idInstance,
    [CREDENTIAL_VARIABLES.apiTokenInstance]: "SampleToken0123456789",
  };
  const runnable = (source: string) => source.replaceAll(defaultServerUrl(spec), mock.url);
  /** Every request example of every operation, each with its samples. */
  const cases = operations.flatMap((entry) =>
    exampleSamples(built, operationNamed(built, entry.operationId)).map(({ key, samples }) => ({
      name: `${entry.operationId} (${key})`,
      source: (lang: string) => samples.find((sample) => sample.lang === lang)?.source ?? "",
    })),
  );

  it("cover a by-phone and a by-chat-id example of every participant operation", () => {
    const participant = cases.filter(({ source }) => source("curl").includes("participantPhone"));
    expect(participant.length).toBeGreaterThanOrEqual(4);
    for (const { name } of participant) {
      const operationId = name.split(" ")[0];
      expect(
        cases.some(
          (other) =>
            other.name.startsWith(`${operationId} `) &&
            other.source("curl").includes("participantChatId"),
        ),
      ).toBe(true);
    }
  });

  it.each(cases.map((entry) => [entry.name, entry] as const))(
    "%s's curl sample gets a 200 as copied, with the two variables set",
    (_name, { source }) => {
      const script = `${runnable(source("curl")).trimEnd()} --silent --show-error --fail-with-body --max-time 20`;
      const output = execFileSync("sh", ["-c", script], {
        cwd: workDir,
        env,
        encoding: "utf8",
        timeout: 30_000,
      });
      expect(() => JSON.parse(output)).not.toThrow();
    },
  );

  it.skipIf(!hasPython).each(cases.map((entry) => [entry.name, entry] as const))(
    "%s's Python sample gets a 200 (needs python3 with requests)",
    (name, { source }) => {
      const script = join(workDir, `${name.replace(/\W+/g, "-")}.py`);
      writeFileSync(script, runnable(source("Python")));
      const result = spawnSync("python3", [script], {
        cwd: workDir,
        env,
        encoding: "utf8",
        timeout: 30_000,
      });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
    },
  );
});
