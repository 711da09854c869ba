// Writes the code samples of every operation from the operation itself: its path, its named
// request examples and its success schema. Nothing here names an operation or a field. Each
// sample reads the credentials from two environment variables, so it runs as copied.
import {
  defaultServerUrl,
  firstRequestExample,
  listOperations,
  requestExamples,
  resolve,
  successSchema,
} from "./operations.mjs";

/** The environment variables each sample reads the credentials from, by path parameter. */
export const CREDENTIAL_VARIABLES = {
  idInstance: "GREEN_API_ID_INSTANCE",
  apiTokenInstance: "GREEN_API_TOKEN",
};

const TYPESCRIPT = { lang: "TypeScript", label: "TypeScript (greenspec)" };
const CURL = { lang: "curl", label: "curl" };
const PYTHON = { lang: "Python", label: "Python (requests)" };

/** The sample languages in tab order; Redoc shows only the languages it is told about. */
export const SAMPLE_LANGUAGES = [TYPESCRIPT, CURL, PYTHON];

const CLIENT_PACKAGE = "@greenspec/client";

/**
 * @typedef {import("./operations.mjs").Json} Json
 * @typedef {{ lang: string, label: string, source: string }} CodeSample
 * @typedef {{ name: string, value: unknown } | { name: string, file: { fileName: string, contentType: string } }} FormPart
 * @typedef {{ kind: "text", text: string } | { kind: "credential", name: keyof typeof CREDENTIAL_VARIABLES }} UrlPiece
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

/**
 * The greenspec client: install line, credentials from the environment, the call, and the
 * GreenApiError handling the README shows.
 * @param {Json} spec
 * @param {string} operationId
 * @param {Json} operation
 * @param {unknown} body
 * @param {FormPart[] | undefined} parts
 */
function typescriptSample(spec, operationId, operation, body, parts) {
  const schema = successSchema(spec, operation);
  const required =
    schema?.type === "object" && !schema.oneOf && !schema.anyOf ? (schema.required ?? []) : [];
  const named = required.length > 0 && required.length <= 3;
  const target = named ? `{ ${required.join(", ")} }` : "result";
  const printed = named ? required.join(", ") : "result";
  const imports = [];
  let argument;
  if (parts) {
    imports.push('import { readFile } from "node:fs/promises";');
    const fields = parts.map((part) =>
      "file" in part
        ? `    ${tsKey(part.name)}: new Blob([await readFile(${JSON.stringify(part.file.fileName)})], { type: ${JSON.stringify(part.file.contentType)} }),`
        : `    ${tsKey(part.name)}: ${tsLiteral(part.value, 2)},`,
    );
    argument = `{\n${fields.join("\n")}\n  }`;
  } else {
    argument = body === undefined ? "" : tsLiteral(body, 1);
  }
  imports.push(`import { createGreenApi, GreenApiError } from "${CLIENT_PACKAGE}";`);
  return [
    // Not on a registry yet: the README's "Install from a checkout" gives the line that works.
    `// npm install <greenspec checkout>/packs/*.tgz   (${CLIENT_PACKAGE}, once published)`,
    ...imports,
    "",
    "const api = createGreenApi({",
    `  idInstance: process.env.${CREDENTIAL_VARIABLES.idInstance} ?? "",`,
    `  apiTokenInstance: process.env.${CREDENTIAL_VARIABLES.apiTokenInstance} ?? "",`,
    `  apiUrl: ${JSON.stringify(defaultServerUrl(spec))},`,
    "});",
    "",
    "try {",
    `  const ${target} = await api.${operationId}(${argument});`,
    `  console.log(${printed});`,
    "} catch (error) {",
    "  if (!(error instanceof GreenApiError)) throw error;",
    "  console.error(error.kind, error.message); // the token is never in it",
    "  process.exitCode = 1;",
    "}",
    "",
  ].join("\n");
}

/**
 * @param {string} method
 * @param {UrlPiece[]} url
 * @param {string | undefined} mediaType
 * @param {unknown} body
 * @param {FormPart[] | undefined} parts
 */
function curlSample(method, url, mediaType, body, parts) {
  // Double quotes let the shell fill in the credentials; curl's own {} globbing never sees a brace.
  const address = url
    .map((piece) =>
      piece.kind === "credential"
        ? `\${${CREDENTIAL_VARIABLES[piece.name]}}`
        : piece.text.replace(/["$`\\]/g, "\\$&"),
    )
    .join("");
  const lines = [`curl -X ${method.toUpperCase()} "${address}"`];
  if (parts) {
    for (const part of parts) {
      const field =
        "file" in part
          ? `${part.name}=@${part.file.fileName};type=${part.file.contentType}`
          : `${part.name}=${formText(part.value)}`;
      lines.push(`  -F ${shellQuote(field)}`);
    }
  } else if (body !== undefined) {
    lines.push(`  -H ${shellQuote(`Content-Type: ${mediaType}`)}`);
    lines.push(`  --data ${shellQuote(JSON.stringify(body, null, 2))}`);
  }
  return `${lines.join(" \\\n")}\n`;
}

/**
 * @param {string} method
 * @param {UrlPiece[]} url
 * @param {string | undefined} mediaType
 * @param {unknown} body
 * @param {FormPart[] | undefined} parts
 */
function pythonSample(method, url, mediaType, body, parts) {
  const variable = (/** @type {keyof typeof CREDENTIAL_VARIABLES} */ name) =>
    CREDENTIAL_VARIABLES[name].toLowerCase();
  const credentials = Object.keys(CREDENTIAL_VARIABLES).map(
    (name) =>
      `${variable(/** @type {keyof typeof CREDENTIAL_VARIABLES} */ (name))} = os.environ[${JSON.stringify(CREDENTIAL_VARIABLES[/** @type {keyof typeof CREDENTIAL_VARIABLES} */ (name)])}]`,
  );
  const address = url
    .map((piece) =>
      piece.kind === "credential"
        ? `{${variable(piece.name)}}`
        : piece.text.replace(/[{}]/g, "$&$&").replace(/["\\]/g, "\\$&"),
    )
    .join("");
  const head = ["import os", "", "import requests", "", ...credentials, `url = f"${address}"`];
  const tail = ["response.raise_for_status()", "print(response.json())", ""];
  if (parts) {
    const files = parts.flatMap((part) => ("file" in part ? [part] : []));
    const data = Object.fromEntries(
      parts.flatMap((part) => ("value" in part ? [[part.name, formText(part.value)]] : [])),
    );
    // Each open file is named after its part when that is a Python name.
    const handle = (/** @type {string} */ name, /** @type {number} */ index) =>
      /^[a-z_][a-z0-9_]*$/.test(name) ? name : `part${index}`;
    const opens = files.map(
      (part, index) =>
        `open(${JSON.stringify(part.file.fileName)}, "rb") as ${handle(part.name, index)}`,
    );
    const fileEntries = files.map(
      (part, index) =>
        `            ${JSON.stringify(part.name)}: (${JSON.stringify(part.file.fileName)}, ${handle(part.name, index)}, ${JSON.stringify(part.file.contentType)}),`,
    );
    return [
      ...head,
      `with ${opens.join(", ")}:`,
      `    response = requests.${method}(`,
      "        url,",
      `        data=${pyLiteral(data, 2)},`,
      "        files={",
      ...fileEntries,
      "        },",
      "        timeout=30,",
      "    )",
      ...tail,
    ].join("\n");
  }
  const send =
    body === undefined
      ? [`response = requests.${method}(url, timeout=30)`]
      : mediaType === "application/json"
        ? [
            `payload = ${pyLiteral(body, 0)}`,
            `response = requests.${method}(url, json=payload, timeout=30)`,
          ]
        : [`response = requests.${method}(url, data=${pyLiteral(body, 0)}, timeout=30)`];
  return [...head, ...send, ...tail].join("\n");
}

/** @param {string} text */
function shellQuote(text) {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** @param {unknown} value */
function formText(value) {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** @param {string} key */
function tsKey(key) {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}

/**
 * A value as a TypeScript literal, indented from `depth` (two spaces a level).
 * @param {unknown} value
 * @param {number} depth
 */
function tsLiteral(value, depth) {
  return literal(value, depth, { unit: "  ", key: tsKey, scalar: (v) => JSON.stringify(v) });
}

/**
 * A value as a Python literal, indented from `depth` (four spaces a level).
 * @param {unknown} value
 * @param {number} depth
 */
function pyLiteral(value, depth) {
  return literal(value, depth, {
    unit: "    ",
    key: (k) => JSON.stringify(k),
    scalar: (v) =>
      v === true ? "True" : v === false ? "False" : v === null ? "None" : JSON.stringify(v),
  });
}

/**
 * @param {unknown} value
 * @param {number} depth
 * @param {{ unit: string, key: (k: string) => string, scalar: (v: unknown) => string }} style
 * @returns {string}
 */
function literal(value, depth, style) {
  const pad = (/** @type {number} */ level) => style.unit.repeat(level);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((item) => `${pad(depth + 1)}${literal(item, depth + 1, style)},`);
    return `[\n${items.join("\n")}\n${pad(depth)}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    const items = entries.map(
      ([k, v]) => `${pad(depth + 1)}${style.key(k)}: ${literal(v, depth + 1, style)},`,
    );
    return `{\n${items.join("\n")}\n${pad(depth)}}`;
  }
  return style.scalar(value);
}
