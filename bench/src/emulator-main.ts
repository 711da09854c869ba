// `pnpm --filter @greenspec/bench run bench:emulator`: only the emulator's rows (and Prism's
// beside them), printed; BENCHMARKS.md is left alone.
import { measureEmulator } from "./emulator-bench.js";
import { textTable } from "./report.js";

const rows = await measureEmulator((line) => process.stderr.write(`${line}\n`));
console.log(textTable(rows));
