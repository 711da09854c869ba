import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parse } from "yaml";
import { run, userEnv } from "../src/run.js";
import { consumerDir, readJson } from "../src/workspace.js";

const packed = inject("packed");
const fixtures = join(consumerDir, "fixtures");
// The consumer compiles with the TypeScript this repository pins, installed from the registry.
const typescriptVersion = readJson(
  createRequire(import.meta.url).resolve("typescript/package.json"),
).version;
const INSTALL_TIMEOUT_MS = 240_000;
const MALFORMED_JSON_BUDGET_MS = 5_000;

let project = "";

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), "greenspec-consumer-"));
  writeFileSync(
    join(project, "package.json"),
    `${JSON.stringify({ name: "greenspec-consumer", private: true, type: "module" }, null, 2)}\n`,
  );
  // No workspace, no lockfile of ours: npm resolves every third-party dependency as a user's would.
  // --ignore-scripts: no install script may reach any host but the registry from a test.
  const args = ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline"];
  args.push(...packed.map((pkg) => pkg.tarball), `typescript@${typescriptVersion}`);
  const installed = await run("npm", args, {
    cwd: project,
    env: { ...userEnv(), SCARF_ANALYTICS: "false" },
    timeoutMs: INSTALL_TIMEOUT_MS,
  });
  console.log(`npm install of ${packed.length} tarballs took ${installed.ms} ms in ${project}`);
  if (installed.code !== 0) throw new Error(`npm install failed:\n${installed.stderr}`);
  for (const file of ["consumer.ts", "use-installed.mjs", "load-entries.mjs"])
    copyFileSync(join(fixtures, file), join(project, file));
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        lib: ["ES2022", "DOM"],
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        noEmit: true,
        types: [],
        // What `tsc --init` writes; one test below turns it off to check the shipped declarations.
        skipLibCheck: true,
      },
      files: ["consumer.ts"],
    }),
  );
});

afterAll(() => {
  if (project !== "") rmSync(project, { recursive: true, force: true });
});

const inProject = (file: string) => join(project, "node_modules", file);
const runTsc = (extra: string[]) =>
  run(process.execPath, [inProject("typescript/bin/tsc"), "-p", ".", ...extra], {
    cwd: project,
    timeoutMs: 120_000,
  });

describe("a fresh project that installed the packed tarballs with npm", () => {
  it("installed each package from its tarball, not linked from the workspace", () => {
    for (const pkg of packed) {
      const manifest = readJson(inProject(`${pkg.name}/package.json`));
      expect(manifest.version, pkg.name).toBe(pkg.manifest.version);
      expect(existsSync(inProject(`${pkg.name}/src`)), `${pkg.name} has src/`).toBe(false);
    }
  });

  it("type-checks a file that uses the client, rejecting both participant fields and an unknown key", async () => {
    // consumer.ts marks both misuses with @ts-expect-error, so tsc fails if either one compiles.
    const tsc = await runTsc([]);
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.code).toBe(0);
  });

  it("ships declarations that type-check for a user who sets skipLibCheck: false", async () => {
    const tsc = await runTsc(["--skipLibCheck", "false"]);
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.code).toBe(0);
  });

  it("loads every runtime entry point of every package with plain node", async () => {
    const loaded = await run(
      process.execPath,
      ["load-entries.mjs", ...packed.map((pkg) => pkg.name)],
      { cwd: project, env: userEnv(), timeoutMs: 60_000 },
    );
    expect(loaded.code, loaded.stderr).toBe(0);
    const report = JSON.parse(loaded.stdout) as { specifier: string; kind: string }[];
    expect(report.filter((entry) => entry.kind === "failed")).toEqual([]);
    expect(report.map((entry) => entry.specifier)).toEqual(
      expect.arrayContaining([
        "@greenspec/client",
        "@greenspec/mock",
        "@greenspec/spec/openapi.json",
        "@greenspec/spec/openapi.yaml",
      ]),
    );
  });

  it("links every declared command into node_modules/.bin", () => {
    for (const pkg of packed) {
      const bin = pkg.manifest.bin;
      const names =
        typeof bin === "string" ? [pkg.name.split("/")[1] ?? ""] : Object.keys(bin ?? {});
      for (const name of names) expect(existsSync(inProject(`.bin/${name}`)), name).toBe(true);
    }
  });

  it("ships the bundled spec as JSON and YAML that parse to the same document", () => {
    const require = createRequire(join(project, "package.json"));
    const json = JSON.parse(readFileSync(require.resolve("@greenspec/spec/openapi.json"), "utf8"));
    const yaml = parse(readFileSync(require.resolve("@greenspec/spec/openapi.yaml"), "utf8"));
    expect(json.openapi).toMatch(/^3\.1\./);
    expect(yaml).toEqual(json);
  });

  it("starts the installed mock and adds a participant through the installed client, by chat id and by phone", async () => {
    const used = await run(process.execPath, ["use-installed.mjs"], {
      cwd: project,
      env: userEnv(),
      timeoutMs: 90_000,
    });
    expect(used.code, used.stderr).toBe(0);
    const result = JSON.parse(used.stdout.trim().split("\n").at(-1) ?? "");

    // Prism answers with the first example of the spec's 200 response.
    const require = createRequire(join(project, "package.json"));
    const spec = JSON.parse(readFileSync(require.resolve("@greenspec/spec/openapi.json"), "utf8"));
    expect(result.byChatId).toEqual(firstSuccessExample(spec));
    expect(result.byPhone).toEqual(firstSuccessExample(spec));

    // The installed mock must run the pinned Prism server, which answers malformed JSON at once.
    expect(result.malformed.error).toBeUndefined();
    expect(result.malformed.status).toBe(400);
    expect(result.malformed.ms).toBeLessThan(MALFORMED_JSON_BUDGET_MS);
  });
});

interface OpenApiDocument {
  paths: Record<string, { post?: { operationId?: string; responses: Record<string, unknown> } }>;
  components?: Record<string, Record<string, unknown>>;
}

/** The value of the first example of addGroupParticipant's 200 JSON answer, refs followed. */
function firstSuccessExample(spec: OpenApiDocument): unknown {
  const follow = (node: unknown): Record<string, unknown> => {
    const ref = (node as { $ref?: string }).$ref;
    if (ref === undefined) return node as Record<string, unknown>;
    const [, , section, name] = ref.split("/");
    return follow(spec.components?.[section ?? ""]?.[name ?? ""]);
  };
  const operation = Object.values(spec.paths).find(
    (item) => item.post?.operationId === "addGroupParticipant",
  )?.post;
  const ok = follow(operation?.responses["200"]);
  const media = (ok.content as Record<string, { examples: Record<string, unknown> }>)[
    "application/json"
  ];
  const first = Object.values(media?.examples ?? {})[0];
  return follow(first).value;
}
