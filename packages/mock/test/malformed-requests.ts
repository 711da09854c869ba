// A seeded generator of malformed HTTP requests, as raw bytes, built on the spec's own paths:
// bad escapes in every path position, broken multipart, broken JSON, odd methods, odd and huge
// headers, odd content types, truncated bodies and plain garbage.
import type { Operation } from "./openapi-operations.js";

export interface MalformedRequest {
  shape: string;
  bytes: Buffer;
  /** Whether the request is malformed for sure (a 4xx is due) or may be acceptable (any non-5xx). */
  expect: "4xx" | "not 5xx";
  /** Send the bytes, then stop without ending: the server must time the request out. */
  stall?: boolean;
}

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

const BAD_ESCAPES = [
  "%",
  "%f",
  "%ff",
  "%zz",
  "%E0%A4%A",
  "%C0%80",
  "%ED%A0%80",
  "%%",
  "%2",
  "%G1",
  "%fe%ff",
  "%uD800",
];
const ODD_METHODS = [
  "PROPFIND",
  "PURGE",
  "LINK",
  "TRACE",
  "M-SEARCH",
  "DELETE",
  "PATCH",
  "PUT",
  "HEAD",
  "OPTIONS",
  "GET",
  "SEARCH",
  "QUERY",
  "FOO",
  "get",
  "P0ST",
  "CONNECT",
];
const ODD_CONTENT_TYPES = [
  "application/json; charset=utf-16",
  ";;;",
  "multipart/form-data",
  "multipart/form-data; boundary=",
  'multipart/form-data; boundary="unterminated',
  "text/plain",
  "application/x-www-form-urlencoded",
  "application/octet-stream",
  "application/json, text/html",
  "*/*",
  "application/",
  "\u00ff/\u00fe",
  "application/problem+json",
  "application/vnd.api+json; q=0.5",
];

function request(
  method: string,
  target: string,
  headers: [string, string][],
  body: Buffer | string = "",
): Buffer {
  const payload = Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8");
  const lines = [`${method} ${target} HTTP/1.1`, "host: 127.0.0.1", "connection: close"];
  for (const [name, value] of headers) lines.push(`${name}: ${value}`);
  if (!headers.some(([name]) => /^(content-length|transfer-encoding)$/i.test(name))) {
    lines.push(`content-length: ${payload.length}`);
  }
  return Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1"), payload]);
}

function randomBytes(random: Random, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let index = 0; index < length; index++) bytes[index] = Math.floor(random() * 256);
  return bytes;
}

function multipartBody(random: Random, boundary: string): string {
  const part = pick(random, [
    "Content-Disposition: form-data\r\n\r\nvalue",
    "Content-Disposition: form-data; nameless\r\n\r\nvalue",
    'Content-Disposition: form-data; name="file"; filename=unquoted.jpg\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff',
    'Content-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\nno content type',
    'Content-Disposition: form-data; name="file"; filename\r\nContent-Type: image/jpeg\r\n\r\nx',
    "Content-Type: text/plain\r\n\r\nno disposition",
    'Content-Disposition: form-data; name="a"; filename="b"; extra="c"\r\nContent-Type\r\n\r\nx',
    'Content-Disposition: form-data; name="__proto__"\r\n\r\n{"polluted":true}',
    'Content-Disposition: form-data; name="groupId"\r\n\r\n',
    "",
  ]);
  const layout = pick(random, ["one", "closed", "many", "unclosed", "garbage", "huge"]);
  if (layout === "garbage") return randomBytes(random, 200).toString("latin1");
  if (layout === "many") return `${`--${boundary}\r\n${part}\r\n`.repeat(500)}--${boundary}--\r\n`;
  if (layout === "huge")
    return `--${boundary}\r\n${part}${"A".repeat(200_000)}\r\n--${boundary}--\r\n`;
  if (layout === "unclosed") return `--${boundary}\r\n${part}`;
  if (layout === "closed") return `--${boundary}\r\n${part}\r\n--${boundary}--\r\n`;
  return `--${boundary}\r\n${part}\r\n--${boundary}--`;
}

const BAD_JSON = [
  "{",
  '{"groupId": ',
  "[1, 2,",
  '{"a": 1,}',
  "NaN",
  "\ufeff{}",
  '{"groupId": "\ud800"}',
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  "1e999",
  `${"[".repeat(20_000)}${"]".repeat(20_000)}`,
  `{"groupId": "${"x".repeat(500_000)}"}`,
  "null",
  '"just a string"',
  "",
  " ",
];

/** The operation's path with its example values, split into segments (the first is empty). */
function segments(operation: Operation): string[] {
  return operation.path
    .replace(/\{([^}]+)\}/g, (_, name: string) =>
      encodeURIComponent(operation.pathParameters.find((p) => p.name === name)?.example ?? "x"),
    )
    .split("/");
}

export function malformedRequest(
  random: Random,
  operations: readonly Operation[],
): MalformedRequest {
  const operation = pick(random, operations);
  const path = segments(operation);
  const json = "application/json";
  const shape = pick(random, [
    "bad escape in the path",
    "bad escape in the query",
    "bad multipart",
    "bad JSON",
    "odd method",
    "odd header",
    "huge header",
    "odd content type",
    "truncated body",
    "bad chunked body",
    "raw garbage",
    "broken request line",
  ]);
  switch (shape) {
    case "bad escape in the path": {
      const at = 1 + Math.floor(random() * (path.length - 1));
      const escaped = [...path];
      const badEscape = pick(random, BAD_ESCAPES);
      escaped[at] = pick(random, [
        badEscape,
        `${escaped[at]}${badEscape}`,
        `${badEscape}${escaped[at]}`,
      ]);
      return {
        shape,
        expect: "4xx",
        bytes: request("POST", escaped.join("/"), [["content-type", json]], "{}"),
      };
    }
    case "bad escape in the query":
      return {
        shape,
        expect: "not 5xx",
        bytes: request(
          "POST",
          `${path.join("/")}?${pick(random, BAD_ESCAPES)}=${pick(random, BAD_ESCAPES)}`,
          [["content-type", json]],
          "{}",
        ),
      };
    case "bad multipart": {
      const boundary = pick(random, ["b", "----x", "a b", "--", "x".repeat(70)]);
      return {
        shape,
        expect: "4xx",
        bytes: request(
          "POST",
          path.join("/"),
          [["content-type", `multipart/form-data; boundary=${boundary}`]],
          Buffer.from(multipartBody(random, boundary), "latin1"),
        ),
      };
    }
    case "bad JSON": {
      const body = pick(random, BAD_JSON);
      return {
        shape,
        expect: "4xx",
        bytes: request("POST", path.join("/"), [["content-type", json]], body),
      };
    }
    case "odd method": {
      const method = pick(random, ODD_METHODS);
      return {
        shape,
        expect: "not 5xx",
        bytes: request(method, path.join("/"), [["content-type", json]], "{}"),
      };
    }
    case "odd header": {
      const header = pick(random, [
        [
          "prefer",
          pick(random, [
            "code=abc",
            "code=999",
            "example=nonexistent",
            "code=400, example=none",
            "dynamic=maybe",
            ";;;",
            "code=200, example=__proto__",
          ]),
        ],
        ["accept", pick(random, ["foo/bar", "text/html", "*/*;q=oops", "", "application/xml"])],
        ["x-null", "a\u0001b"],
        ["content-encoding", "gzip"],
        ["expect", pick(random, ["100-continue", "nonsense"])],
        ["origin", "http://\u00ff"],
        ["upgrade", "websocket"],
      ] as [string, string][]);
      const extra: [string, string][] = header[0] === "upgrade" ? [["connection", "upgrade"]] : [];
      return {
        shape,
        expect: "not 5xx",
        bytes: request("POST", path.join("/"), [["content-type", json], header, ...extra], "{}"),
      };
    }
    case "huge header": {
      const headers: [string, string][] = pick(random, [
        [["x-big", "a".repeat(40_000)]],
        Array.from({ length: 3000 }, (_, index) => [`x-h${index}`, "v"] as [string, string]),
        [["content-type", `application/json; ${"p=1; ".repeat(5000)}`]],
      ]);
      return { shape, expect: "4xx", bytes: request("POST", path.join("/"), headers, "{}") };
    }
    case "odd content type":
      return {
        shape,
        expect: "4xx",
        bytes: request(
          "POST",
          path.join("/"),
          [["content-type", pick(random, ODD_CONTENT_TYPES)]],
          pick(random, ["{}", "a=%zz&%ff=1", "--b--", ""]),
        ),
      };
    case "truncated body":
      return {
        shape,
        expect: "4xx",
        stall: true,
        bytes: request(
          "POST",
          path.join("/"),
          [
            ["content-type", json],
            ["content-length", "100"],
          ],
          '{"groupId": "12',
        ),
      };
    case "bad chunked body": {
      // The first two never end: a chunk announced longer than what follows.
      const body = pick(random, [
        "5\r\n{}\r\n",
        "ffffffffffffffff\r\n{}\r\n0\r\n\r\n",
        "zz\r\n{}\r\n0\r\n\r\n",
        "-1\r\n\r\n",
      ]);
      return {
        shape,
        expect: "4xx",
        stall: body.startsWith("5") || body.startsWith("f"),
        bytes: request(
          "POST",
          path.join("/"),
          [
            ["content-type", json],
            ["transfer-encoding", "chunked"],
          ],
          body,
        ),
      };
    }
    case "raw garbage":
      return { shape, expect: "4xx", bytes: randomBytes(random, 1 + Math.floor(random() * 2000)) };
    default: {
      const line = pick(random, [
        `POST ${path.join("/")}\r\n\r\n`,
        `POST ${path.join("/")} HTTP/9.9\r\nhost: x\r\n\r\n`,
        `POST ${path.join("/")} HTTP/1.1\r\nno colon here\r\n\r\n`,
        `POST  ${path.join("/")}  HTTP/1.1\r\nhost: x\r\n\r\n`,
        `POST /${"a".repeat(100_000)} HTTP/1.1\r\nhost: x\r\n\r\n`,
        `POST ${path.join("/")} HTTP/1.1\r\nhost: x\r\ncontent-length: 2\r\ncontent-length: 3\r\n\r\n{}`,
        `POST ${path.join("/")} HTTP/1.1\r\nhost: x\r\ncontent-length: 2\r\ntransfer-encoding: chunked\r\n\r\n{}`,
        `POST http://[::1 HTTP/1.1\r\nhost: x\r\n\r\n`,
        `\r\n\r\n\r\n`,
        `POST ${path.join("/")} HTTP/1.1\nhost: x\n\n`,
      ]);
      // Blank lines only: the server is still waiting for a request line.
      return {
        shape,
        expect: "4xx",
        stall: line.trim() === "",
        bytes: Buffer.from(line, "latin1"),
      };
    }
  }
}
