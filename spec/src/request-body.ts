// The request body of an operation: its one media type, schema, fields, file parts, examples.
import { SpecModelError } from "./errors.js";
import { examplesOf } from "./examples.js";
import { isObject, type Json, type JsonObject, type Schema } from "./json.js";
import { pointerOf } from "./pointer.js";
import { type Reader, text } from "./reader.js";
import type { RequestBody } from "./types.js";

export function requestBody(
  read: Reader,
  operation: JsonObject,
  id: string,
  at: string,
): RequestBody | undefined {
  if (operation.requestBody === undefined) return undefined;
  const bodyAt = read.resolver.pointerOf(operation.requestBody, pointerOf(at, "requestBody"));
  const body = read.object(operation.requestBody, pointerOf(at, "requestBody"));
  const content = read.object(body.content, pointerOf(bodyAt, "content"));
  const entries = Object.entries(content);
  if (entries.length !== 1)
    throw new SpecModelError(
      `${id}: a request body needs exactly one media type, not ${entries.length}`,
      bodyAt,
    );
  const [mediaType, rawMedia] = entries[0] as [string, Json];
  const mediaAt = pointerOf(bodyAt, "content", mediaType);
  const media = read.object(rawMedia, mediaAt);
  const schemaAtPointer = pointerOf(mediaAt, "schema");
  const schema: Schema = media.schema === undefined ? true : (media.schema as Schema);
  const resolvedSchema = read.schemas.schemaAt(schema, schemaAtPointer);
  const fields = read.schemas.fieldsOf(schema, schemaAtPointer);
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
    schemaPointer: read.resolver.pointerOf(schema, schemaAtPointer),
    resolvedSchema,
    examples: examplesOf(read, media, schema, mediaAt),
    fields,
    files,
    exactlyOneOf: read.schemas.exactlyOneOf(schema, schemaAtPointer),
    commonSchema: read.schemas.commonSchema(schema, schemaAtPointer),
  };
}
