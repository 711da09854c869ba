// Lists the operations of the document, in document order (paths, then methods in HTTP order).
import { SpecModelError } from "./errors.js";
import { isObject, type Json, type JsonObject, type Schema } from "./json.js";
import { pointerOf } from "./pointer.js";
import type { Resolver } from "./references.js";
import type { SchemaReader } from "./schemas.js";
import {
  type Answer,
  HTTP_METHODS,
  type NamedExample,
  type Operation,
  type PathParameter,
  type RateLimit,
  type RequestBody,
  type SuccessAnswer,
} from "./types.js";

const RATE_LIMIT = "x-greenspec-rate-limit";
const IDEMPOTENT = "x-greenspec-idempotent";
const BETA = "x-beta";
/** On a schema: the error envelope that a success answer may carry instead of its body. */
const ERROR_ENVELOPE = "x-greenspec-error-envelope";
const OPERATION_ID = /^[A-Za-z_$][\w$]*$/;

export function listOperations(
  document: JsonObject,
  resolver: Resolver,
  schemas: SchemaReader,
): Operation[] {
  const object = (node: Json | undefined, at: string): JsonObject => {
    const resolved = resolver.resolve(node, at);
    if (!isObject(resolved)) throw new SpecModelError("expected an object", at);
    return resolved;
  };
  const text = (value: Json | undefined): string | undefined =>
    typeof value === "string" ? value : undefined;
  const flag = (operation: JsonObject, key: string, at: string): boolean => {
    const value = operation[key];
    if (value === undefined) return false;
    if (typeof value !== "boolean") throw new SpecModelError(`${key} must be true or false`, at);
    return value;
  };

  function examplesOf(media: JsonObject, schema: Schema | undefined, at: string): NamedExample[] {
    if (isObject(media.examples)) {
      return Object.entries(media.examples).map(([name, raw]) => {
        const example = object(raw, pointerOf(at, "examples", name));
        if (!("value" in example))
          throw new SpecModelError(`example ${name} has no value`, pointerOf(at, "examples", name));
        return { name, summary: text(example.summary), value: example.value as Json };
      });
    }
    if (media.example !== undefined)
      return [{ name: "example", summary: undefined, value: media.example }];
    const own =
      schema === undefined ? undefined : schemas.schemaAt(schema, pointerOf(at, "schema"));
    const list = isObject(own) && Array.isArray(own.examples) ? own.examples : [];
    return list.map((value, i) => ({ name: `schema example ${i}`, summary: undefined, value }));
  }

  function pathParameters(
    item: JsonObject,
    operation: JsonObject,
    at: string,
    itemAt: string,
  ): PathParameter[] {
    const lists = [
      ...(Array.isArray(item.parameters)
        ? item.parameters.map((p, i) => [p, pointerOf(itemAt, "parameters", i)] as const)
        : []),
      ...(Array.isArray(operation.parameters)
        ? operation.parameters.map((p, i) => [p, pointerOf(at, "parameters", i)] as const)
        : []),
    ];
    const byName = new Map<string, PathParameter>();
    for (const [raw, where] of lists) {
      const parameter = object(raw, where);
      if (parameter.in !== "path") continue;
      if (typeof parameter.name !== "string")
        throw new SpecModelError("a parameter needs a name", where);
      const schema =
        parameter.schema === undefined
          ? true
          : schemas.schemaAt(parameter.schema, pointerOf(where, "schema"));
      const fromSchema = isObject(schema)
        ? Array.isArray(schema.examples)
          ? schema.examples[0]
          : schema.example
        : undefined;
      // An operation's parameter overrides the path item's one of the same name.
      byName.set(parameter.name, {
        name: parameter.name,
        required: parameter.required === true,
        description: text(parameter.description),
        schema,
        example: parameter.example ?? fromSchema,
      });
    }
    return [...byName.values()];
  }

  function requestBody(operation: JsonObject, id: string, at: string): RequestBody | undefined {
    if (operation.requestBody === undefined) return undefined;
    const bodyAt = resolver.pointerOf(operation.requestBody, pointerOf(at, "requestBody"));
    const body = object(operation.requestBody, pointerOf(at, "requestBody"));
    const content = object(body.content, pointerOf(bodyAt, "content"));
    const entries = Object.entries(content);
    if (entries.length !== 1)
      throw new SpecModelError(
        `${id}: a request body needs exactly one media type, not ${entries.length}`,
        bodyAt,
      );
    const [mediaType, rawMedia] = entries[0] as [string, Json];
    const mediaAt = pointerOf(bodyAt, "content", mediaType);
    const media = object(rawMedia, mediaAt);
    const schemaAtPointer = pointerOf(mediaAt, "schema");
    const schema: Schema = media.schema === undefined ? true : (media.schema as Schema);
    const resolvedSchema = schemas.schemaAt(schema, schemaAtPointer);
    const fields = schemas.fieldsOf(schema, schemaAtPointer);
    const encoding = isObject(media.encoding) ? media.encoding : {};
    const files = mediaType.startsWith("multipart/")
      ? fields
          .filter((field) => field.file)
          .map((field) => {
            const declared = isObject(encoding[field.name])
              ? (encoding[field.name] as JsonObject).contentType
              : undefined;
            const own = isObject(field.schema) ? field.schema.contentMediaType : undefined;
            const first = typeof declared === "string" ? declared.split(",")[0]?.trim() : undefined;
            return {
              name: field.name,
              mediaType: first || text(own) || "application/octet-stream",
            };
          })
      : [];
    return {
      mediaType,
      required: body.required === true,
      schema,
      schemaPointer: resolver.pointerOf(schema, schemaAtPointer),
      resolvedSchema,
      examples: examplesOf(media, schema, mediaAt),
      fields,
      files,
      exactlyOneOf: schemas.exactlyOneOf(schema, schemaAtPointer),
    };
  }

  function answersOf(operation: JsonObject, at: string): Answer[] {
    const responses = object(operation.responses ?? {}, pointerOf(at, "responses"));
    return Object.entries(responses).flatMap(([status, raw]) => {
      const where = resolver.pointerOf(raw, pointerOf(at, "responses", status));
      const response = object(raw, pointerOf(at, "responses", status));
      const content = isObject(response.content) ? response.content : {};
      return Object.entries(content).map(([mediaType, rawMedia]) => {
        const mediaAt = pointerOf(where, "content", mediaType);
        const media = object(rawMedia, mediaAt);
        const schema = media.schema === undefined ? undefined : (media.schema as Schema);
        return { status, mediaType, schema, examples: examplesOf(media, schema, mediaAt) };
      });
    });
  }

  function success(
    operation: JsonObject,
    answers: Answer[],
    id: string,
    at: string,
  ): SuccessAnswer {
    const responses = object(operation.responses ?? {}, pointerOf(at, "responses"));
    const statuses = Object.keys(responses)
      .filter((s) => /^2\d\d$/.test(s))
      .map(Number)
      .sort((a, b) => a - b);
    const status = statuses[0];
    if (status === undefined)
      throw new SpecModelError(`${id} has no 2xx answer`, pointerOf(at, "responses"));
    const own = answers.filter((a) => a.status === String(status));
    const answer = own.find((a) => a.mediaType === "application/json") ?? own[0];
    const schemaAt = pointerOf(at, "responses", String(status));
    const branches = answer?.schema === undefined ? [] : branchList(answer.schema, schemaAt);
    const bodies = branches.filter((b) => !b.envelope).map((b) => b.schema);
    return {
      status,
      mediaType: answer?.mediaType,
      schema: answer?.schema,
      // Without an envelope branch the body is the schema as written (a oneOf stays whole).
      body: !branches.some((b) => b.envelope)
        ? answer?.schema
        : bodies.length <= 1
          ? bodies[0]
          : { oneOf: bodies as Json[] },
      envelope: branches.find((b) => b.envelope)?.schema,
      branches,
      examples: answer?.examples ?? [],
    };
  }

  function branchList(schema: Schema, at: string) {
    const resolved = schemas.schemaAt(schema, at);
    const list = isObject(resolved) ? (resolved.oneOf ?? resolved.anyOf) : undefined;
    const written = Array.isArray(list) ? (list as Schema[]) : [schema];
    return written.map((branch) => {
      const target = schemas.schemaAt(branch, at);
      return {
        schema: branch,
        resolved: target,
        // Said by the spec, not guessed from a likeness to the error answers.
        envelope: isObject(target) && target[ERROR_ENVELOPE] === true,
      };
    });
  }

  function rateLimit(operation: JsonObject, at: string): RateLimit | undefined {
    const value = operation[RATE_LIMIT];
    if (value === undefined) return undefined;
    const perSecond = isObject(value) ? value.requestsPerSecond : undefined;
    if (typeof perSecond !== "number" || !Number.isFinite(perSecond) || perSecond <= 0)
      throw new SpecModelError(
        `${RATE_LIMIT} needs requestsPerSecond > 0, not ${JSON.stringify(value)}`,
        pointerOf(at, RATE_LIMIT),
      );
    return { requestsPerSecond: perSecond };
  }

  const operations: Operation[] = [];
  const ids = new Set<string>();
  const paths = object(document.paths ?? {}, "#/paths");
  for (const [path, rawItem] of Object.entries(paths)) {
    const itemAt = resolver.pointerOf(rawItem, pointerOf("#/paths", path));
    const item = object(rawItem, pointerOf("#/paths", path));
    for (const method of HTTP_METHODS) {
      if (item[method] === undefined) continue;
      const at = pointerOf(itemAt, method);
      const raw = object(item[method], at);
      const id = raw.operationId;
      if (typeof id !== "string" || !OPERATION_ID.test(id))
        throw new SpecModelError(`operationId ${JSON.stringify(id)} is not an identifier`, at);
      if (ids.has(id)) throw new SpecModelError(`operationId ${id} is used twice`, at);
      ids.add(id);
      const answers = answersOf(raw, at);
      operations.push({
        id,
        method,
        path,
        pointer: at,
        summary: text(raw.summary),
        description: text(raw.description),
        tags: Array.isArray(raw.tags)
          ? raw.tags.filter((t): t is string => typeof t === "string")
          : [],
        pathParameters: pathParameters(item, raw, at, itemAt),
        request: requestBody(raw, id, at),
        success: success(raw, answers, id, at),
        answers,
        rateLimit: rateLimit(raw, at),
        beta: flag(raw, BETA, at),
        idempotent: flag(raw, IDEMPOTENT, at),
        extensions: Object.fromEntries(Object.entries(raw).filter(([key]) => key.startsWith("x-"))),
        raw,
      });
    }
  }
  return operations;
}
