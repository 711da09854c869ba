// Checks a request against the faults known to throw inside Prism's own code (a bad
// percent-escape, an unparseable content type, a multipart part Prism's parser chokes on), so
// that such a request gets a 400 and never reaches the code that would throw.
import bodyParsers from "@stoplight/prism-http/dist/validator/validators/body.js";
import headerParsers from "@stoplight/prism-http/dist/validator/validators/headers.js";
import type { Problem } from "./problem.js";

export interface GuardedRequest {
  url: string;
  contentType: string | undefined;
  /** The body as Prism will see it (text), or null when there is none. */
  text: string | null;
}

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

function throws(run: () => unknown): boolean {
  try {
    run();
    return false;
  } catch {
    return true;
  }
}

const bad = (detail: string): Problem => ({ status: 400, detail });

/** The reason a request must be refused before Prism sees it, or undefined if Prism can take it. */
export function refuse(request: GuardedRequest): Problem | undefined {
  let url: URL;
  try {
    url = new URL(request.url, "http://mock.invalid");
  } catch {
    return bad("The request target is not a valid URL.");
  }
  if (!url.pathname.split("/").every(decodes)) {
    return bad("A path segment holds a malformed percent-escape.");
  }
  if (request.contentType === undefined) return undefined;
  let boundary: string | undefined;
  let mediaType: string;
  try {
    [boundary, mediaType] = headerParsers.parseMIMEHeader(request.contentType);
  } catch {
    return bad("The Content-Type header cannot be parsed.");
  }
  if (request.text === null) return undefined;
  const text = request.text;
  if (mediaType === "multipart/form-data" && boundary) {
    // Prism's own multipart parser, run here where its exceptions cannot escape.
    if (throws(() => bodyParsers.parseMultipartFormDataParams(text, boundary))) {
      return bad(
        "A multipart part is malformed (each part needs a Content-Disposition with a name).",
      );
    }
  }
  if (mediaType === "application/x-www-form-urlencoded") {
    const fields = bodyParsers.splitUriParams(text);
    const names = fields._tag === "Right" ? Object.keys(fields.right) : [];
    if (!names.every(decodes)) return bad("A form field name holds a malformed percent-escape.");
  }
  return undefined;
}
