#!/usr/bin/env node
import { run } from "./program.js";

const code = await run(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
// Let pending writes to a pipe drain instead of calling process.exit().
process.exitCode = code;
