// One sample per language, from the URL, the media type and the body: the greenspec client in
// TypeScript, curl, and Python's requests. Each reads the credentials from the environment.
import { defaultServerUrl, successSchema } from "./operations.mjs";
import { formText, pyLiteral, shellQuote, tsKey, tsLiteral } from "./sample-literals.mjs";

/** The environment variables each sample reads the credentials from, by path parameter. */
export const CREDENTIAL_VARIABLES = {
  idInstance: "GREEN_API_ID_INSTANCE",
  apiTokenInstance: "GREEN_API_TOKEN",
};

const CLIENT_PACKAGE = "@greenspec/client";

/**
 * @typedef {import("./operations.mjs").Json} Json
 * @typedef {{ name: string, value: unknown } | { name: string, file: { fileName: string, contentType: string } }} FormPart
 * @typedef {{ kind: "text", text: string } | { kind: "credential", name: keyof typeof CREDENTIAL_VARIABLES }} UrlPiece
 */

/**
 * The greenspec client: install line, credentials from the environment, the call, and the
 * GreenApiError handling the README shows.
 * @param {Json} spec
 * @param {string} operationId
 * @param {Json} operation
 * @param {unknown} body
 * @param {FormPart[] | undefined} parts
 */
export function typescriptSample(spec, operationId, operation, body, parts) {
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
export function curlSample(method, url, mediaType, body, parts) {
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
export function pythonSample(method, url, mediaType, body, parts) {
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
