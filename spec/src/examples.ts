// The examples of a media type: its `examples` by name, else its `example`, else its schema's.
import { SpecModelError } from "./errors.js";
import { isObject, type Json, type JsonObject, type Schema } from "./json.js";
import { pointerOf } from "./pointer.js";
import { type Reader, text } from "./reader.js";
import type { NamedExample } from "./types.js";

export function examplesOf(
  read: Reader,
  media: JsonObject,
  schema: Schema | undefined,
  at: string,
): NamedExample[] {
  if (isObject(media.examples)) {
    return Object.entries(media.examples).map(([name, raw]) => {
      const example = read.object(raw, pointerOf(at, "examples", name));
      if (!("value" in example))
        throw new SpecModelError(`example ${name} has no value`, pointerOf(at, "examples", name));
      return { name, summary: text(example.summary), value: example.value as Json };
    });
  }
  if (media.example !== undefined)
    return [{ name: "example", summary: undefined, value: media.example }];
  const own =
    schema === undefined ? undefined : read.schemas.schemaAt(schema, pointerOf(at, "schema"));
  const list = isObject(own) && Array.isArray(own.examples) ? own.examples : [];
  return list.map((value, i) => ({ name: `schema example ${i}`, summary: undefined, value }));
}
