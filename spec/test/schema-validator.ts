// ajv over the bundled document's component schemas. ajv cannot take a whole OpenAPI document,
// so the component schemas become the $defs of one schema and `#/components/schemas/X` refs are
// rewritten to point there.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { bundled, type Json, obj } from "./bundled-spec.js";

// ajv-formats is CommonJS: under NodeNext its default export arrives as the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const DEFS_ID = "greenspec-components";

function rewriteRefs(node: Json): Json {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === "$ref" && typeof value === "string"
        ? value.replace(/^#\/components\/schemas\//, `${DEFS_ID}#/$defs/`)
        : rewriteRefs(value);
  }
  return out;
}

// strict: an unknown keyword or format in the spec fails the build of the validator, loudly.
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
// The spec's own schema extensions (for tools and messages; they check nothing).
ajv.addKeyword("x-greenspec-error-envelope");
ajv.addKeyword("x-greenspec-expected");
ajv.addSchema({
  $id: DEFS_ID,
  $defs: rewriteRefs(obj(bundled.components, "components").schemas ?? {}),
});

const cache = new Map<string, ValidateFunction>();

/** A validator for any schema of the bundled document (inline or a `$ref`). */
export function validatorFor(schema: Json): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = cache.get(key);
  if (!validate) {
    validate = ajv.compile(rewriteRefs(schema) as object);
    cache.set(key, validate);
  }
  return validate;
}

/** A validator for the component schema `name`. */
export function componentValidator(name: string): ValidateFunction {
  return validatorFor({ $ref: `#/components/schemas/${name}` });
}

/** ajv's errors as one readable line, for assertion messages. */
export function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ");
}
