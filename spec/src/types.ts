// What the model tells about each operation: everything the client's generator, the CLI, the
// docs, the mock's tests and the emulator need, so none of them walks the document itself.
import type { Json, JsonObject, Schema } from "./json.js";
import type { BodyField } from "./schemas.js";

export type { BodyField };

export const HTTP_METHODS = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** An example: from a media type's `examples` (by name), its `example`, or its schema's `examples`. */
export interface NamedExample {
  /** The key in `examples`; `example` for a lone `example`; `schema example N` for a schema's. */
  name: string;
  summary: string | undefined;
  value: Json;
}

export interface PathParameter {
  name: string;
  required: boolean;
  description: string | undefined;
  /** Its schema, its own `$ref` followed. */
  schema: Schema;
  /** The parameter's `example`, else its schema's first `examples` entry or `example`. */
  example: Json | undefined;
}

/** A part of a multipart body that carries a file. */
export interface FilePart {
  name: string;
  /** The part's `encoding.contentType` (first one), else the schema's `contentMediaType`, else `application/octet-stream`. */
  mediaType: string;
}

export interface RequestBody {
  /** The body's one media type (`application/json`, `multipart/form-data`). */
  mediaType: string;
  required: boolean;
  /** The schema as written (often a `$ref`, which names the component). */
  schema: Schema;
  /** The pointer of the schema the `$ref` chain ends at. */
  schemaPointer: string;
  /** The schema, its own `$ref` followed (nested ones kept). */
  resolvedSchema: Schema;
  examples: NamedExample[];
  /** Every property over the body's branches. */
  fields: BodyField[];
  /** The file parts (multipart bodies only). */
  files: FilePart[];
  /** Per `oneOf` branch, the fields that pick it; give exactly one branch's. Empty: no such choice. */
  exactlyOneOf: string[][];
  /**
   * For a `oneOf` body: the fields every branch requires, as one object schema (each field's
   * schema as the first branch writes it), to check them apart from the fields that pick a
   * branch. Undefined when the body is no `oneOf` of objects.
   */
  commonSchema: JsonObject | undefined;
}

/** One branch of the success answer's schema (the schema itself when it has no `oneOf`). */
export interface SuccessBranch {
  /** As written (a `$ref` names the component). */
  schema: Schema;
  /** Its own `$ref` followed. */
  resolved: Schema;
  /** The error envelope (its schema says `x-greenspec-error-envelope: true`), not a success body. */
  envelope: boolean;
}

/** The success answer: the operation's lowest 2xx status. */
export interface SuccessAnswer {
  status: number;
  /** `application/json` when the answer has it, else its first media type; undefined: no body. */
  mediaType: string | undefined;
  /** The answer's schema as written, envelope branches included. */
  schema: Schema | undefined;
  /** The success body alone: the one non-envelope branch as written, or a `oneOf` of them. */
  body: Schema | undefined;
  /** The error-envelope branch as written, when the answer's `oneOf` has one. */
  envelope: Schema | undefined;
  branches: SuccessBranch[];
  examples: NamedExample[];
}

/** One answer of an operation for one media type. */
export interface Answer {
  /** As written: `200`, `4XX`, `default`. */
  status: string;
  mediaType: string;
  /** As written. */
  schema: Schema | undefined;
  examples: NamedExample[];
}

/** The error envelope every success answer that offers one offers (`x-greenspec-error-envelope`). */
export interface ErrorEnvelope {
  /** Its component's name. */
  name: string;
  /** A `$ref` to the component. */
  schema: Schema;
  /** Its integer property: the status the error stands for. */
  statusField: string;
}

export interface RateLimit {
  requestsPerSecond: number;
}

export interface Operation {
  id: string;
  method: HttpMethod;
  path: string;
  /** The pointer of the operation object in the document. */
  pointer: string;
  summary: string | undefined;
  description: string | undefined;
  tags: string[];
  pathParameters: PathParameter[];
  /** The path parameters as one object schema (`required` and `properties`), to check them at once. */
  pathParametersSchema: JsonObject;
  request: RequestBody | undefined;
  success: SuccessAnswer;
  /** Every answer, by status then media type, in document order. */
  answers: Answer[];
  /** `x-greenspec-rate-limit`, per instance; undefined: the spec states none. */
  rateLimit: RateLimit | undefined;
  /** `x-beta: true`. */
  beta: boolean;
  /**
   * `x-greenspec-idempotent`: true when repeating the call is safe. A missing value reads as
   * false (not known to be safe, so never repeated), like an explicit `false`.
   */
  idempotent: boolean;
  /**
   * `x-greenspec-outcome`: the success body's fields the outcome rests on, as alternatives (one
   * list must be present and well-typed). Undefined: the whole success body is the outcome.
   */
  outcome: string[][] | undefined;
  /** Every `x-` key of the operation, as written. */
  extensions: Readonly<Record<string, Json>>;
  /** The operation object itself, in the document. */
  raw: JsonObject;
}

export interface Tag {
  name: string;
  description: string | undefined;
}
