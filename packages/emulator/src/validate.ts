// Request verdicts from the spec's own schemas, compiled ahead of time by ajv's code generator
// (scripts/generate-validators.mjs: draft 2020-12 with ajv-formats, as Prism judges), so the
// emulator refuses exactly what the spec refuses without loading a schema compiler at run time.

import * as generated from "./generated/validators.js";
import type { Operation } from "./spec.js";

type Check = generated.Check;
const byName = generated as unknown as Record<string, Check>;

function check(key: string): Check {
  const name = generated.checks[key];
  const found = name === undefined ? undefined : byName[name];
  if (!found) throw new Error(`no generated validator for ${key}: rebuild @greenspec/emulator`);
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
export function checkParams(operation: Operation, params: Record<string, string>): Verdict {
  return verdictOf(check(`${operation.id} params`), params, "path");
}

/** The spec's verdict on a request body (multipart bodies as an object of their parts). */
export function checkBody(operation: Operation, body: unknown): Verdict {
  return verdictOf(check(`${operation.id} body`), body, "body");
}

/** The spec's verdict on a JSON answer body for `status` (for fault bodies given by hand). */
export function checkAnswer(operation: Operation, status: number, body: unknown): Verdict {
  if (generated.checks[`${operation.id} ${status}`] === undefined)
    return { valid: false, detail: `no JSON answer for ${status}` };
  return verdictOf(check(`${operation.id} ${status}`), body, "body");
}
