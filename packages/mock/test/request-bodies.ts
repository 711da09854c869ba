// Request bodies for each operation: the spec's own examples, and mutations of them that an
// independent JSON Schema validator (ajv, draft 2020-12) confirms the spec forbids.

import { isObject } from "@greenspec/spec/model";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import {
  document,
  isMultipart,
  type JsonValue,
  type Operation,
  resolveSchema,
  type Schema,
} from "./openapi-operations.js";

export interface BodyCase {
  name: string;
  body: JsonValue;
  /** Which rule of the schema the body breaks (or "valid"). */
  breaks:
    | "valid"
    | "unknown key"
    | "required key"
    | "field constraint"
    | "exactly one of"
    | "body type";
}

// The smallest JPEG header a picture upload could start with; Prism only sees the part exists.
export const TINY_JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9,
]);

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = new Ajv2020({ strict: false, logger: false });
addFormats(ajv);
// OpenAPI's own formats: annotations that the spec's other keywords already bound.
for (const format of ["int32", "int64", "binary", "byte", "double", "float"])
  ajv.addFormat(format, true);
ajv.addSchema({ ...document, $id: "https://greenspec.invalid/openapi.json" });

/** Whether the spec accepts `body` for the operation, by ajv rather than by Prism. */
export function specAccepts(operation: Operation, body: JsonValue): boolean {
  const id = `https://greenspec.invalid/openapi.json${operation.requestSchemaPointer}`;
  const validate = ajv.getSchema(id) ?? ajv.compile({ $id: `${id}-check`, $ref: id });
  return validate(body) === true;
}

/** The object schemas a body may match: the branches of a oneOf/anyOf, or the schema itself. */
export function branchesOf(schema: Schema): Schema[] {
  const resolved = resolveSchema(schema);
  const branches = resolved.oneOf ?? resolved.anyOf ?? [resolved];
  return branches.map((branch) => resolveSchema(branch));
}

function propertySchema(schema: Schema, key: string): Schema | undefined {
  for (const branch of branchesOf(schema)) {
    const property = branch.properties?.[key];
    if (typeof property === "object") return resolveSchema(property);
    for (const part of branch.allOf ?? []) {
      const inner = resolveSchema(part).properties?.[key];
      if (typeof inner === "object") return resolveSchema(inner);
    }
  }
  return undefined;
}

function typeOf(schema: Schema): string | undefined {
  return Array.isArray(schema.type) ? undefined : schema.type;
}

function wrongType(schema: Schema, value: JsonValue): JsonValue | undefined {
  switch (typeOf(schema)) {
    case "string":
      return 12345;
    case "integer":
    case "number":
    case "boolean":
      return String(value);
    case "array":
    case "object":
      return "text";
    default:
      return undefined;
  }
}

/** Mutations of one valid value of a field, each breaking one constraint of its schema. */
function brokenValues(schema: Schema, value: JsonValue): { what: string; value: JsonValue }[] {
  const broken: { what: string; value: JsonValue | undefined }[] = [
    {
      what: `of the wrong type (${JSON.stringify(wrongType(schema, value))})`,
      value: wrongType(schema, value),
    },
  ];
  if (typeOf(schema) === "integer" && typeof value === "number") {
    broken.push({ what: "as a fraction", value: value + 0.5 });
  }
  if (typeof value === "string") {
    if (schema.pattern !== undefined) {
      broken.push({ what: `not matching ${schema.pattern}`, value: `x${value}` });
    }
    if ((schema.minLength ?? 0) > 0) broken.push({ what: "empty", value: "" });
    if (schema.maxLength !== undefined) {
      broken.push({ what: "too long", value: value.padEnd(schema.maxLength + 1, "x") });
    }
  }
  if (schema.minimum !== undefined)
    broken.push({ what: "below its minimum", value: schema.minimum - 1 });
  if (schema.maximum !== undefined)
    broken.push({ what: "above its maximum", value: schema.maximum + 1 });
  if (Array.isArray(value)) {
    if ((schema.minItems ?? 0) > 0) broken.push({ what: "as an empty array", value: [] });
    if (schema.uniqueItems && value.length > 0) {
      broken.push({ what: "with a repeated item", value: [value[0] ?? null, value[0] ?? null] });
    }
  }
  return broken.filter(
    (entry): entry is { what: string; value: JsonValue } => entry.value !== undefined,
  );
}

function without(body: { [key: string]: JsonValue }, keys: string[]): { [key: string]: JsonValue } {
  return Object.fromEntries(Object.entries(body).filter(([key]) => !keys.includes(key)));
}

/**
 * Keys that pick a branch of an "exactly one of" schema: required in one branch and in no other.
 * Empty unless every branch has such a key.
 */
export function exclusiveKeys(schema: Schema): string[] {
  const branches = branchesOf(schema);
  if (branches.length < 2) return [];
  const perBranch = branches.map((branch, index) =>
    (branch.required ?? []).filter((key) =>
      branches.every(
        (other, otherIndex) => otherIndex === index || !(other.required ?? []).includes(key),
      ),
    ),
  );
  return perBranch.every((keys) => keys.length > 0) ? perBranch.flat() : [];
}

function candidateBodies(operation: Operation): BodyCase[] {
  const schema = operation.requestSchema;
  const cases: BodyCase[] = [];
  const objectExamples = operation.requestExamples.filter((example) => isObject(example.value));
  for (const example of objectExamples) {
    const base = example.value as { [key: string]: JsonValue };
    const from = objectExamples.length > 1 ? `${example.name}: ` : "";
    cases.push({
      name: `${from}with an unknown extra key`,
      body: { ...base, unexpectedKey: "x" },
      breaks: "unknown key",
    });
    for (const [key, value] of Object.entries(base)) {
      cases.push({
        name: `${from}without ${key}`,
        body: without(base, [key]),
        breaks: "required key",
      });
      const property = propertySchema(schema, key);
      for (const broken of property ? brokenValues(property, value) : []) {
        // A form part is always text, so only text-level breaks mean anything in multipart.
        if (isMultipart(operation) && typeof broken.value !== "string") continue;
        cases.push({
          name: `${from}with ${key} ${broken.what}`,
          body: { ...base, [key]: broken.value },
          breaks: "field constraint",
        });
      }
    }
  }
  const exclusive = exclusiveKeys(schema);
  if (exclusive.length > 0 && objectExamples.length > 0) {
    const merged = Object.assign({}, ...objectExamples.map((example) => example.value));
    cases.push({
      name: `with ${exclusive.join(" and ")} at once`,
      body: merged,
      breaks: "exactly one of",
    });
    const base = objectExamples[0]?.value as { [key: string]: JsonValue };
    cases.push({
      name: `with none of ${exclusive.join(", ")}`,
      body: without(base, exclusive),
      breaks: "exactly one of",
    });
  }
  if (!isMultipart(operation)) {
    cases.push(
      { name: "as a JSON array", body: [], breaks: "body type" },
      { name: "as JSON null", body: null, breaks: "body type" },
    );
  }
  return cases;
}

/** Bodies the spec forbids for the operation (each one confirmed by ajv), deduplicated. */
export function invalidBodies(operation: Operation): BodyCase[] {
  const seen = new Set<string>();
  return candidateBodies(operation).filter((entry) => {
    const key = JSON.stringify(entry.body);
    if (seen.has(key) || specAccepts(operation, entry.body)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether a request-body field is a file part (sent as a Blob, seen by Prism as a string). */
export function isFileField(operation: Operation, key: string): boolean {
  const property = propertySchema(operation.requestSchema, key);
  return property?.format === "binary" || property?.contentMediaType !== undefined;
}

/** The valid bodies of an operation: its request examples, or one built from its schema. */
export function validBodies(operation: Operation): BodyCase[] {
  if (operation.requestExamples.length > 0) {
    return operation.requestExamples.map((example) => ({
      name: example.name,
      body: example.value,
      breaks: "valid",
    }));
  }
  const body: { [key: string]: JsonValue } = {};
  for (const branch of branchesOf(operation.requestSchema).slice(0, 1)) {
    for (const [key, raw] of Object.entries(branch.properties ?? {})) {
      if (typeof raw !== "object") continue;
      const property = resolveSchema(raw);
      const value = isFileField(operation, key)
        ? "(file)"
        : (property.examples?.[0] ?? property.example);
      if (value !== undefined) body[key] = value;
    }
  }
  return [{ name: "built from the schema's examples", body, breaks: "valid" }];
}
