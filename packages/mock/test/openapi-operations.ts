// Reads the bundled greenspec document into test cases, so every operation it gains is tested
// without a hand-written list.
import { readFileSync } from "node:fs";
import { bundledSpecPath } from "../dist/index.js";

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

export interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema | boolean>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  items?: Schema;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  uniqueItems?: boolean;
  format?: string;
  contentMediaType?: string;
  enum?: JsonValue[];
  const?: JsonValue;
  example?: JsonValue;
  examples?: JsonValue[];
}

export interface NamedExample {
  name: string;
  value: JsonValue;
}

export interface PathParameter {
  name: string;
  schema: Schema;
  example: string;
}

export interface ResponseContent {
  status: number;
  mediaType: string;
  schema: Schema | undefined;
  examples: NamedExample[];
}

export interface Operation {
  id: string;
  method: string;
  path: string;
  pathParameters: PathParameter[];
  /** JSON pointer (inside the document) of the request body schema. */
  requestSchemaPointer: string;
  requestSchema: Schema;
  requestMediaType: string;
  requestExamples: NamedExample[];
  responses: ResponseContent[];
}

type Node = { [key: string]: unknown };

export const document = JSON.parse(readFileSync(bundledSpecPath(), "utf8")) as Node;

function escapePointer(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

function atPointer(pointer: string): unknown {
  let node: unknown = document;
  for (const raw of pointer.replace(/^#\/?/, "").split("/").filter(Boolean)) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    node = (node as Node)[key];
  }
  return node;
}

/** Follows local `$ref`s until a node without one, returning it with its JSON pointer. */
export function follow(node: unknown, pointer: string): { node: Node; pointer: string } {
  let current = node as Node;
  let at = pointer;
  while (typeof current?.$ref === "string") {
    at = current.$ref;
    current = atPointer(at) as Node;
  }
  return { node: current, pointer: at };
}

/** A schema with its own top-level `$ref` followed (nested ones stay as written). */
export function resolveSchema<T extends Schema | boolean>(schema: T): T {
  return (typeof schema === "boolean" ? schema : follow(schema, "").node) as T;
}

function namedExamples(content: Node, schema: Schema | undefined): NamedExample[] {
  const examples = content.examples as Record<string, unknown> | undefined;
  if (examples) {
    return Object.entries(examples).map(([name, example]) => ({
      name,
      value: follow(example, "").node.value as JsonValue,
    }));
  }
  if (content.example !== undefined)
    return [{ name: "example", value: content.example as JsonValue }];
  const fromSchema = schema ? resolveSchema(schema).examples : undefined;
  return (fromSchema ?? []).map((value, index) => ({ name: `schema example ${index}`, value }));
}

function exampleOfParameter(parameter: Node, schema: Schema): string {
  const value = parameter.example ?? schema.examples?.[0] ?? schema.example;
  if (value === undefined)
    throw new Error(`path parameter ${String(parameter.name)} has no example`);
  return String(value);
}

function readOperations(): Operation[] {
  const operations: Operation[] = [];
  for (const [path, rawItem] of Object.entries(document.paths as Node)) {
    const { node: item, pointer: itemPointer } = follow(rawItem, `#/paths/${escapePointer(path)}`);
    for (const method of ["get", "put", "post", "delete", "patch"]) {
      const operation = item[method] as Node | undefined;
      if (!operation) continue;
      const at = `${itemPointer}/${method}`;
      const parameters = [
        ...((item.parameters as unknown[]) ?? []),
        ...((operation.parameters as unknown[]) ?? []),
      ]
        .map((parameter) => follow(parameter, "").node)
        .filter((parameter) => parameter.in === "path")
        .map((parameter) => {
          const schema = resolveSchema(parameter.schema as Schema);
          return {
            name: String(parameter.name),
            schema,
            example: exampleOfParameter(parameter, schema),
          };
        });
      const body = follow(operation.requestBody, `${at}/requestBody`);
      const [mediaType, rawContent] = Object.entries((body.node.content as Node) ?? {})[0] ?? [];
      if (!mediaType) throw new Error(`${String(operation.operationId)} has no request body`);
      const content = rawContent as Node;
      const schemaAt = follow(
        content.schema,
        `${body.pointer}/content/${escapePointer(mediaType)}/schema`,
      );
      const responses: ResponseContent[] = [];
      for (const [status, rawResponse] of Object.entries(operation.responses as Node)) {
        const response = follow(rawResponse, "").node;
        for (const [responseMediaType, responseContent] of Object.entries(
          (response.content as Node) ?? {},
        )) {
          const schema = (responseContent as Node).schema as Schema | undefined;
          responses.push({
            status: Number(status),
            mediaType: responseMediaType,
            schema,
            examples: namedExamples(responseContent as Node, schema),
          });
        }
      }
      operations.push({
        id: String(operation.operationId),
        method,
        path,
        pathParameters: parameters,
        requestSchemaPointer: schemaAt.pointer,
        requestSchema: schemaAt.node as Schema,
        requestMediaType: mediaType,
        requestExamples: namedExamples(content, schemaAt.node as Schema),
        responses,
      });
    }
  }
  return operations;
}

export const operations = readOperations();

/** The operation's URL under `baseUrl`, path parameters from their examples unless overridden. */
export function operationUrl(
  baseUrl: string,
  operation: Operation,
  overrides: Record<string, string> = {},
): string {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const parameter = operation.pathParameters.find((candidate) => candidate.name === name);
    return encodeURIComponent(overrides[name] ?? parameter?.example ?? "");
  });
  return `${baseUrl}${path}`;
}

export function isMultipart(operation: Operation): boolean {
  return operation.requestMediaType === "multipart/form-data";
}
