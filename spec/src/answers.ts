// The answers of an operation, and its success answer told apart from an error envelope.
import { SpecModelError } from "./errors.js";
import { examplesOf } from "./examples.js";
import { ERROR_ENVELOPE } from "./extensions.js";
import { isObject, type Json, type JsonObject, type Schema } from "./json.js";
import { pointerOf } from "./pointer.js";
import type { Reader } from "./reader.js";
import type { Answer, SuccessAnswer } from "./types.js";

export function answersOf(read: Reader, operation: JsonObject, at: string): Answer[] {
  const responses = read.object(operation.responses ?? {}, pointerOf(at, "responses"));
  return Object.entries(responses).flatMap(([status, raw]) => {
    const where = read.resolver.pointerOf(raw, pointerOf(at, "responses", status));
    const response = read.object(raw, pointerOf(at, "responses", status));
    const content = isObject(response.content) ? response.content : {};
    return Object.entries(content).map(([mediaType, rawMedia]) => {
      const mediaAt = pointerOf(where, "content", mediaType);
      const media = read.object(rawMedia, mediaAt);
      const schema = media.schema === undefined ? undefined : (media.schema as Schema);
      return { status, mediaType, schema, examples: examplesOf(read, media, schema, mediaAt) };
    });
  });
}

export function successOf(
  read: Reader,
  operation: JsonObject,
  answers: Answer[],
  id: string,
  at: string,
): SuccessAnswer {
  const responses = read.object(operation.responses ?? {}, pointerOf(at, "responses"));
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
  const branches = answer?.schema === undefined ? [] : branchList(read, answer.schema, schemaAt);
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

function branchList(read: Reader, schema: Schema, at: string) {
  const resolved = read.schemas.schemaAt(schema, at);
  const list = isObject(resolved) ? (resolved.oneOf ?? resolved.anyOf) : undefined;
  const written = Array.isArray(list) ? (list as Schema[]) : [schema];
  return written.map((branch) => {
    const target = read.schemas.schemaAt(branch, at);
    return {
      schema: branch,
      resolved: target,
      // Said by the spec, not guessed from a likeness to the error answers.
      envelope: isObject(target) && target[ERROR_ENVELOPE] === true,
    };
  });
}
