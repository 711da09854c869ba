// Lists the operations of the document, in document order (paths, then methods in HTTP order).
import { answersOf, successOf } from "./answers.js";
import { SpecModelError } from "./errors.js";
import { BETA, flagOf, IDEMPOTENT, rateLimitOf } from "./extensions.js";
import type { JsonObject } from "./json.js";
import { outcomeOf } from "./outcome.js";
import { pathParameters, pathParametersSchema } from "./path-parameters.js";
import { pointerOf } from "./pointer.js";
import type { Reader } from "./reader.js";
import { text } from "./reader.js";
import { requestBody } from "./request-body.js";
import { HTTP_METHODS, type Operation } from "./types.js";

const OPERATION_ID = /^[A-Za-z_$][\w$]*$/;

export function listOperations(document: JsonObject, read: Reader): Operation[] {
  const operations: Operation[] = [];
  const ids = new Set<string>();
  const paths = read.object(document.paths ?? {}, "#/paths");
  for (const [path, rawItem] of Object.entries(paths)) {
    const itemAt = read.resolver.pointerOf(rawItem, pointerOf("#/paths", path));
    const item = read.object(rawItem, pointerOf("#/paths", path));
    for (const method of HTTP_METHODS) {
      if (item[method] === undefined) continue;
      const at = pointerOf(itemAt, method);
      const raw = read.object(item[method], at);
      const id = raw.operationId;
      if (typeof id !== "string" || !OPERATION_ID.test(id))
        throw new SpecModelError(`operationId ${JSON.stringify(id)} is not an identifier`, at);
      if (ids.has(id)) throw new SpecModelError(`operationId ${id} is used twice`, at);
      ids.add(id);
      const answers = answersOf(read, raw, at);
      const success = successOf(read, raw, answers, id, at);
      const parameters = pathParameters(read, item, raw, at, itemAt);
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
        pathParameters: parameters,
        pathParametersSchema: pathParametersSchema(parameters),
        request: requestBody(read, raw, id, at),
        success,
        outcome: outcomeOf(read, raw, success, at),
        answers,
        rateLimit: rateLimitOf(raw, at),
        beta: flagOf(raw, BETA, at),
        idempotent: flagOf(raw, IDEMPOTENT, at),
        extensions: Object.fromEntries(Object.entries(raw).filter(([key]) => key.startsWith("x-"))),
        raw,
      });
    }
  }
  return operations;
}
