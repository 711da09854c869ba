// The dependency rules of the workspace, run by test/dependency-rules.test.ts. Paths are from the
// repository root. Symlinks are kept, so a package imported by name resolves inside the
// importer's own node_modules, and a relative path into another package stands out.
/** A workspace package folder: spec, bench, or one level under packages/, apps/ or tests/. */
const PACKAGE = "^(spec|bench|(?:packages|apps|tests)/[^/]+)/";

/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "No module may reach itself through its imports.",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      comment:
        "Every import resolves, through package.json exports: a deep import of another package's internals does not.",
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: "packages-by-name-only",
      severity: "error",
      comment: "A package reaches another only by its name, never by a relative path into it.",
      from: { path: PACKAGE },
      to: { path: PACKAGE, pathNot: ["^$1/"] },
    },
    {
      name: "client-stands-alone",
      severity: "error",
      comment: "The client's code (src, scripts) never imports the mock, the CLI or the emulator.",
      from: { path: "^packages/client/(src|scripts)/" },
      to: { path: "node_modules/@greenspec/(mock|cli|emulator)/|^packages/(mock|cli|emulator)/" },
    },
    {
      name: "spec-model-imports-nothing",
      severity: "error",
      comment:
        "The spec model imports only its own files: no other package and no Node built-in (it runs in a browser).",
      from: { path: "^spec/src/" },
      to: { pathNot: "^spec/src/" },
    },
    {
      name: "no-client-internals",
      severity: "error",
      comment: "The mock and the emulator use the client only through its public entry.",
      from: { path: "^packages/(mock|emulator)/" },
      to: {
        path: "node_modules/@greenspec/client/",
        pathNot: "node_modules/@greenspec/client/dist/(index|bulk-client|job/index)\\.(js|d\\.ts)$",
      },
    },
  ],
  options: {
    preserveSymlinks: true,
    doNotFollow: { path: "node_modules" },
    // Build output of the packages themselves; an import that resolves into a dependency's dist
    // (through node_modules) is still seen.
    exclude: { path: "^(spec|bench|(?:packages|apps|tests)/[^/]+)/(dist|\\.turbo|\\.reports)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["types", "import", "node", "default"],
      mainFields: ["types", "module", "main"],
      extensions: [".ts", ".mts", ".js", ".mjs", ".cjs", ".d.ts", ".json"],
    },
    moduleSystems: ["es6", "cjs"],
  },
};
