// Writes the code samples of every operation from the operation itself: its path, its named
// request examples and its success schema. Nothing here names an operation or a field. Each
// sample reads the credentials from two environment variables, so it runs as copied.
import {
  defaultServerUrl,
  firstRequestExample,
  listOperations,
  requestExamples,
  resolve,
} from "./operations.mjs";
import {
  CREDENTIAL_VARIABLES,
  curlSample,
  pythonSample,
  typescriptSample,
} from "./sample-languages.mjs";

export { CREDENTIAL_VARIABLES };

const TYPESCRIPT = { lang: "TypeScript", label: "TypeScript (greenspec)" };
const CURL = { lang: "curl", label: "curl" };
const PYTHON = { lang: "Python", label: "Python (requests)" };

/** The sample languages in tab order; Redoc shows only the languages it is told about. */
export const SAMPLE_LANGUAGES = [TYPESCRIPT, CURL, PYTHON];

/**
 * @typedef {import("./operations.mjs").Json} Json
 * @typedef {{ lang: string, label: string, source: string }} CodeSample
 * @typedef {import("./sample-languages.mjs").FormPart} FormPart
 * @typedef {import("./sample-languages.mjs").UrlPiece} UrlPiece
 */

/**
 * A copy of the spec whose every operation carries x-codeSamples: the samples of its first
 * request example (Redoc shows one sample per language; the page swaps in the others).
 * @param {Json} spec
 * @returns {Json}
 */
export function withCodeSamples(spec) {
  const copy = structuredClone(spec);
  for (const entry of listOperations(copy)) {
    entry.operation["x-codeSamples"] = codeSamples(copy, entry);
  }
  return copy;
}

/**
 * The samples of the operation's first request example.
 * @param {Json} spec
 * @param {import("./operations.mjs").Operation} entry
 * @returns {CodeSample[]}
 */
export function codeSamples(spec, entry) {
  const [first] = exampleSamples(spec, entry);
  return first?.samples ?? samplesFor(spec, entry, undefined);
}

/**
 * The samples of every named request example of the operation, in document order.
 * @param {Json} spec
 * @param {import("./operations.mjs").Operation} entry
 * @returns {{ key: string, summary: string | undefined, samples: CodeSample[] }[]}
 */
export function exampleSamples(spec, entry) {
  return requestExamples(spec, entry.operation).map(({ key, summary, value }) => ({
    key,
    summary,
    samples: samplesFor(spec, entry, value),
  }));
}

/**
 * @param {Json} spec
 * @param {import("./operations.mjs").Operation} entry
 * @param {unknown} body
 * @returns {CodeSample[]}
 */
function samplesFor(spec, { path, method, operationId, operation }, body) {
  /** @type {UrlPiece[]} */
  const url = [
    { kind: "text", text: defaultServerUrl(spec) },
    ...pathPieces(spec, path, operation),
  ];
  const request = firstRequestExample(spec, operation);
  const parts =
    request?.mediaType === "multipart/form-data" && body !== undefined
      ? formParts({ ...request, value: body })
      : undefined;
  return [
    { ...TYPESCRIPT, source: typescriptSample(spec, operationId, operation, body, parts) },
    { ...CURL, source: curlSample(method, url, request?.mediaType, body, parts) },
    { ...PYTHON, source: pythonSample(method, url, request?.mediaType, body, parts) },
  ];
}

/**
 * The path as literal text and credential variables; other parameters take their example.
 * @param {Json} spec
 * @param {string} path
 * @param {Json} operation
 * @returns {UrlPiece[]}
 */
function pathPieces(spec, path, operation) {
  const parameters = (operation.parameters ?? []).map((/** @type {Json} */ p) => resolve(spec, p));
  /** @type {UrlPiece[]} */
  const pieces = [];
  let last = 0;
  for (const match of path.matchAll(/\{([^}]+)\}/g)) {
    const name = match[1] ?? "";
    pieces.push({ kind: "text", text: path.slice(last, match.index) });
    last = (match.index ?? 0) + match[0].length;
    if (Object.hasOwn(CREDENTIAL_VARIABLES, name)) {
      pieces.push({
        kind: "credential",
        name: /** @type {keyof typeof CREDENTIAL_VARIABLES} */ (name),
      });
      continue;
    }
    const parameter = parameters.find(
      (/** @type {Json} */ p) => p.in === "path" && p.name === name,
    );
    const example = parameter?.example ?? parameter?.schema?.examples?.[0];
    if (example === undefined) throw new Error(`path parameter ${name} of ${path} has no example`);
    pieces.push({ kind: "text", text: encodeURIComponent(String(example)) });
  }
  pieces.push({ kind: "text", text: path.slice(last) });
  return pieces.filter((piece) => piece.kind !== "text" || piece.text !== "");
}

/**
 * The parts of a multipart example; a file part (as the spec model tells) becomes a file to attach.
 * @param {{ files: { name: string, mediaType: string }[], value: unknown }} request
 * @returns {FormPart[]}
 */
function formParts({ files, value }) {
  return Object.entries(/** @type {Record<string, unknown>} */ (value)).map(([name, partValue]) => {
    const file = files.find((part) => part.name === name);
    if (!file) return { name, value: partValue };
    const contentType = file.mediaType;
    return { name, file: { fileName: `${name}${extensionOf(contentType)}`, contentType } };
  });
}

/** @param {string} contentType */
function extensionOf(contentType) {
  const subtype = contentType.split("/")[1] ?? "";
  if (subtype === "jpeg") return ".jpg";
  return /^[a-z0-9]+$/.test(subtype) && subtype !== "octet-stream" ? `.${subtype}` : ".bin";
}
