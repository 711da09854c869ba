// The body step: the request body, read within its limits and valid by the spec's schema, for
// the behaviour; or the documented 400 for it. An operation without a body (a GET) reads none.
import { MAX_BODY_BYTES, MAX_JSON_BODY_BYTES } from "../limits.js";
import { refusal } from "../refusal.js";
import type { SpecAnswer } from "../spec.js";
import { readJson } from "./body-json.js";
import { readMultipart } from "./body-multipart.js";
import type { Admitted } from "./state.js";

const MULTIPART = "multipart/form-data";

export function body(state: Admitted): SpecAnswer | undefined | Promise<SpecAnswer | undefined> {
  const { operation, call } = state;
  const mediaType = operation.request?.mediaType;
  const limit = mediaType === MULTIPART ? MAX_BODY_BYTES : MAX_JSON_BODY_BYTES;
  if (call.contentLength !== undefined && call.contentLength > limit)
    return refusal(operation, "body is too large");
  // Whatever came with a call of an operation without a body is ignored.
  if (mediaType === undefined) return undefined;
  const reading =
    mediaType === MULTIPART ? readMultipart(operation, call) : readJson(operation, mediaType, call);
  return reading.then((read) => {
    state.request = read.request;
    if ("answer" in read) return read.answer;
    state.body = read.body;
    return undefined;
  });
}
