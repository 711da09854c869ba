// Request verdicts from the spec's own schemas, compiled by ajv (draft 2020-12, the dialect the
// spec declares, as Prism uses it), so the emulator refuses exactly what the spec refuses. Each
// validator compiles on first use, which keeps createEmulator() itself instant.
import { Ajv2020 } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import { componentSchemas, type OperationSpec } from "./spec.js";

type Check = ((data: unknown) => boolean) & {
  errors?: { instancePath: string; message?: string }[] | null;
};

const DEFS_ID = "greenspec-components";

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === "$ref" && typeof value === "string"
        ? value.replace(/^#\/components\/schemas\//, `${DEFS_ID}#/$defs/`)
        : rewriteRefs(value);
  }
  return out;
}

let ajv: Ajv2020 | undefined;

/** One ajv per process, made on first use, holding the spec's component schemas. */
function compiler(): Ajv2020 {
  if (!ajv) {
    // strict off: the spec's annotations (example, description, x-*) are not ajv keywords.
    ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
    // ajv-formats is CommonJS: under NodeNext its function arrives as the default export.
    (formats as unknown as (ajv: Ajv2020) => void)(ajv);
    ajv.addSchema({ $id: DEFS_ID, $defs: rewriteRefs(componentSchemas) as object });
  }
  return ajv;
}

const cache = new Map<string, Check>();

function check(key: string, schema: unknown): Check {
  let found = cache.get(key);
  if (!found) {
    found = compiler().compile(rewriteRefs(schema) as object) as Check;
    cache.set(key, found);
  }
  return found;
}

/** Where a request broke the spec, as one short line (no values: they could echo a secret). */
export type Verdict = { valid: true } | { valid: false; detail: string };

function verdictOf(validate: Check, data: unknown, where: string): Verdict {
  if (validate(data)) return { valid: true };
  const first = validate.errors?.[0];
  const at = `${where}${first?.instancePath ?? ""}`;
  return { valid: false, detail: `${at} ${first?.message ?? "is not valid"}` };
}

/** The spec's verdict on the path parameters of a call. */
export function checkParams(operation: OperationSpec, params: Record<string, string>): Verdict {
  return verdictOf(check(`${operation.id} params`, operation.paramsSchema), params, "path");
}

/** The spec's verdict on a request body (multipart bodies as an object of their parts). */
export function checkBody(operation: OperationSpec, body: unknown): Verdict {
  return verdictOf(check(`${operation.id} body`, operation.requestSchema), body, "body");
}

/** The spec's verdict on a JSON answer body for `status` (for fault bodies given by hand). */
export function checkAnswer(operation: OperationSpec, status: number, body: unknown): Verdict {
  const schema = operation.responseSchemas[status];
  if (schema === undefined) return { valid: false, detail: `no JSON answer for ${status}` };
  return verdictOf(check(`${operation.id} ${status}`, schema), body, "body");
}
