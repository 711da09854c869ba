// The bundled greenspec document's operations as test cases, read through the spec model, so every
// operation it gains is tested without a hand-written list.
import { type Json, model } from "@greenspec/spec/model";

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

/** The bundled document, as the spec model reads it (the model the mock serves is the same file). */
export const document = model.document as Record<string, unknown>;

/** A schema with its own top-level `$ref` followed (nested ones stay as written). */
export function resolveSchema<T extends Schema | boolean>(schema: T): T {
  return (typeof schema === "boolean" ? schema : model.resolve(schema as Json)) as T;
}

const named = (examples: readonly { name: string; value: Json }[]): NamedExample[] =>
  examples.map(({ name, value }) => ({ name, value: value as JsonValue }));

function readOperations(): Operation[] {
  // The operations with a request body: what the body-driven cases (contract, fuzz, proxy) test.
  // An operation without one (a GET) is in `bodylessOperations`, tested on its own.
  return model.operations.flatMap((operation) => {
    const request = operation.request;
    if (!request) return [];
    return {
      id: operation.id,
      method: operation.method,
      path: operation.path,
      pathParameters: operation.pathParameters.map((parameter) => {
        if (parameter.example === undefined)
          throw new Error(`path parameter ${parameter.name} has no example`);
        return {
          name: parameter.name,
          schema: parameter.schema as Schema,
          example: String(parameter.example),
        };
      }),
      requestSchemaPointer: request.schemaPointer,
      requestSchema: request.resolvedSchema as Schema,
      requestMediaType: request.mediaType,
      requestExamples: named(request.examples),
      responses: operation.answers.map((answer) => ({
        status: Number(answer.status),
        mediaType: answer.mediaType,
        schema: answer.schema as Schema | undefined,
        examples: named(answer.examples),
      })),
    };
  });
}

export const operations = readOperations();

/** The operations without a request body (a GET such as getStateInstance): id, method, path. */
export const bodylessOperations = model.operations
  .filter((operation) => operation.request === undefined)
  .map(({ id, method, path }) => ({ id, method: method.toUpperCase(), path }));

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
