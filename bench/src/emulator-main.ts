// `pnpm --filter @greenspec/bench run bench:emulator`: only the emulator's rows (and Prism's
// beside them), printed; BENCHMARKS.md is left alone. With --json, the rows as JSON on stdout:
// `pnpm bench` runs this in a fresh process, so the other sections' heap does not weigh on it.
import { measureEmulator } from "./emulator-bench.js";
import { textTable } from "./report.js";

const rows = await measureEmulator((line) => process.stderr.write(`${line}\n`));
console.log(process.argv.includes("--json") ? JSON.stringify(rows) : textTable(rows));
