// Every example the bundled document holds, each paired with the schema it must satisfy.
import { isObject } from "@greenspec/spec/model";
import { bundled, deref, type Json, type JsonObject, obj, operations } from "./bundled-spec.js";

export interface ExampleCase {
  /** Where the example sits, e.g. `response createGroup 200 application/json "created"`. */
  name: string;
  value: Json;
  schema: Json;
}

const components = obj(bundled.components, "components");

/** Names of components/examples reached from some media type or parameter. */
export const usedComponentExamples = new Set<string>();

function exampleValue(example: Json, where: string): Json {
  const raw = obj(example, where);
  if (typeof raw.$ref === "string")
    usedComponentExamples.add(raw.$ref.replace("#/components/examples/", ""));
  const resolved = deref(raw, where);
  if (!("value" in resolved)) throw new Error(`${where} has no value`);
  return resolved.value as Json;
}

/** `example` and every entry of `examples` of a media type or a parameter. */
function holderExamples(holder: JsonObject, schema: Json, where: string): ExampleCase[] {
  const cases: ExampleCase[] = [];
  if ("example" in holder)
    cases.push({ name: `${where} example`, value: holder.example as Json, schema });
  for (const [key, example] of Object.entries(obj(holder.examples ?? {}, `${where} examples`))) {
    cases.push({
      name: `${where} "${key}"`,
      value: exampleValue(example, `${where} "${key}"`),
      schema,
    });
  }
  return cases;
}

/** `examples` arrays (JSON Schema keyword) anywhere inside a schema, checked against their own node. */
function schemaExamples(schema: Json, where: string): ExampleCase[] {
  if (Array.isArray(schema))
    return schema.flatMap((item, i) => schemaExamples(item, `${where}[${i}]`));
  if (!isObject(schema)) return [];
  const cases: ExampleCase[] = [];
  if (Array.isArray(schema.examples)) {
    schema.examples.forEach((value, i) => {
      cases.push({ name: `${where} examples[${i}]`, value, schema });
    });
  }
  for (const [key, child] of Object.entries(schema)) {
    if (key !== "examples") cases.push(...schemaExamples(child, `${where}.${key}`));
  }
  return cases;
}

function contentExamples(content: Json | undefined, where: string): ExampleCase[] {
  return Object.entries(obj(content ?? {}, `${where} content`)).flatMap(([mediaType, media]) => {
    const m = obj(media, `${where} ${mediaType}`);
    const schema = m.schema ?? {};
    return [
      ...holderExamples(m, schema, `${where} ${mediaType}`),
      // Inline schemas only: component schemas are walked once, under their own name.
      ...(isObject(schema) && typeof schema.$ref === "string"
        ? []
        : schemaExamples(schema, `${where} ${mediaType} schema`)),
    ];
  });
}

function parameterExamples(parameter: JsonObject, where: string): ExampleCase[] {
  const schema = parameter.schema ?? {};
  return [
    ...holderExamples(parameter, schema, where),
    ...schemaExamples(schema, `${where} schema`),
  ];
}

function collect(): ExampleCase[] {
  const cases: ExampleCase[] = [];
  for (const [name, schema] of Object.entries(obj(components.schemas ?? {}, "schemas"))) {
    cases.push(...schemaExamples(schema, `schema ${name}`));
  }
  for (const [name, parameter] of Object.entries(obj(components.parameters ?? {}, "parameters"))) {
    cases.push(...parameterExamples(obj(parameter, name), `parameter ${name}`));
  }
  for (const [name, response] of Object.entries(obj(components.responses ?? {}, "responses"))) {
    cases.push(...contentExamples(obj(response, name).content, `response ${name}`));
  }
  for (const { operationId, op } of operations) {
    for (const parameter of (op.parameters ?? []) as Json[]) {
      // Shared parameters are covered under components; only inline ones are new.
      if (isObject(parameter) && typeof parameter.$ref !== "string") {
        cases.push(
          ...parameterExamples(parameter, `${operationId} parameter ${String(parameter.name)}`),
        );
      }
    }
    if (op.requestBody) {
      cases.push(
        ...contentExamples(deref(op.requestBody, operationId).content, `request ${operationId}`),
      );
    }
    for (const [status, response] of Object.entries(
      obj(op.responses, `${operationId} responses`),
    )) {
      // Shared responses are covered under components; only inline ones are new.
      if (isObject(response) && typeof response.$ref !== "string") {
        cases.push(...contentExamples(response.content, `response ${operationId} ${status}`));
      }
    }
  }
  return cases;
}

export const exampleCases = collect();
