#!/usr/bin/env node
import { scrubSecrets } from "./credentials.js";
import { run } from "./run.js";

// The credentials are read from this copy; the process's own environment loses the token, so no
// child (the Prism that --mock starts) inherits it.
const env = { ...process.env };
scrubSecrets(process.env);
const code = await run(
  process.argv.slice(2),
  { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) },
  env,
);
// Let pending writes to a pipe drain instead of calling process.exit().
process.exitCode = code;
