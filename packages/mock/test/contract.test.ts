// The mock enforces the contract: for every operation in the bundled spec, raw HTTP requests get
// the spec's answers, and requests the spec forbids are refused by Prism itself.
import { isDeepStrictEqual } from "node:util";
import { describe, expect, inject, test } from "vitest";
import { expectRequestRejected, parseBody, send } from "./http.js";
import { isMultipart, type Operation, operations, operationUrl } from "./openapi-operations.js";
import { invalidBodies, specAccepts, validBodies } from "./request-bodies.js";

const baseUrl = inject("mockUrl");

/** How long a malformed body may take to be answered (a hung server fails this). */
const MALFORMED_ANSWER_MS = 3000;

function valueOutside(pattern: string): string | undefined {
  const regex = new RegExp(pattern, "u");
  return ["abc", "x", "-1", "1.5", " "].find((candidate) => !regex.test(candidate));
}

test("the bundled spec has operations to test", () => {
  expect(operations.length).toBeGreaterThan(0);
});

describe.each(operations.map((operation): [string, Operation] => [operation.id, operation]))(
  "%s",
  (_, operation) => {
    const url = operationUrl(baseUrl, operation);
    const [valid] = validBodies(operation);
    const successBodies = operation.responses
      .filter((response) => response.status === 200 && response.mediaType.includes("json"))
      .flatMap((response) => response.examples.map((example) => example.value));

    test.each(validBodies(operation))(
      "answers the valid body $name with 200, no violation and a 200 example",
      async ({ body }) => {
        expect(specAccepts(operation, body), "the body is valid by the spec").toBe(true);
        const reply = await send(url, operation, body);
        expect(reply.status, reply.text).toBe(200);
        expect(reply.violations).toEqual([]);
        expect(successBodies).toContainEqual(parseBody(reply));
      },
    );

    const invalid = invalidBodies(operation);
    test("has bodies the spec forbids to try", () => {
      expect(invalid.length).toBeGreaterThan(0);
    });

    for (const entry of invalid) {
      if (isMultipart(operation) && entry.breaks === "unknown key") {
        // Known Prism limit: it keeps only the form parts the schema names, so an extra part
        // is never seen by the validator. This stays green while the limit stays.
        test.fails(`does NOT reject a multipart body ${entry.name} (Prism drops unknown parts)`, async () => {
          expectRequestRejected(await send(url, operation, entry.body), "body");
        });
        continue;
      }
      test(`rejects a body ${entry.name}`, async () => {
        expectRequestRejected(await send(url, operation, entry.body), "body");
      });
    }

    if (!isMultipart(operation)) {
      test(`answers a malformed JSON body with 400 within ${MALFORMED_ANSWER_MS} ms`, async () => {
        const started = performance.now();
        const reply = await send(url, operation, null, {
          raw: '{"groupId": ',
          timeoutMs: MALFORMED_ANSWER_MS,
        });
        expect(reply.status).toBe(400);
        expect(performance.now() - started).toBeLessThan(MALFORMED_ANSWER_MS);
      });
    }

    for (const parameter of operation.pathParameters) {
      const { pattern, minLength } = parameter.schema;
      const outside = pattern === undefined ? undefined : valueOutside(pattern);
      if (pattern !== undefined && outside !== undefined) {
        test(`rejects the path parameter ${parameter.name} "${outside}" (outside ${pattern})`, async () => {
          const reply = await send(
            operationUrl(baseUrl, operation, { [parameter.name]: outside }),
            operation,
            valid?.body ?? null,
          );
          expectRequestRejected(reply, "path");
        });
      }
      if ((minLength ?? 0) > 0) {
        test(`refuses an empty ${parameter.name} path segment`, async () => {
          const reply = await send(
            operationUrl(baseUrl, operation, { [parameter.name]: "" }),
            operation,
            valid?.body ?? null,
          );
          // An empty segment may fail validation (400/422) or match no route at all (404).
          expect([400, 404, 422], reply.text).toContain(reply.status);
        });
      }
    }

    test("answers a body the spec forbids with one of the operation's own examples for that status", async () => {
      const reply = await send(url, operation, invalid[0]?.body ?? null);
      const allowed = operation.responses
        .filter(
          ({ status, mediaType }) =>
            status === reply.status && reply.contentType.startsWith(mediaType),
        )
        .flatMap((response) => response.examples.map((example) => example.value));
      expect(allowed, `a ${reply.status} ${reply.contentType} example`).toContainEqual(
        parseBody(reply),
      );
    });

    test("answers each status asked for without an example name with one of that status's examples", async () => {
      const strangers: string[] = [];
      for (const { status, mediaType, examples } of operation.responses) {
        const reply = await send(url, operation, valid?.body ?? null, {
          headers: { prefer: `code=${status}`, accept: mediaType },
        });
        const body = parseBody(reply);
        if (!examples.some((example) => isDeepStrictEqual(example.value, body))) {
          strangers.push(`${status} ${mediaType}: ${reply.text}`);
        }
      }
      expect(strangers, "answers that are none of the status's named examples").toEqual([]);
    });

    const named = operation.responses.flatMap((response) =>
      response.examples.map((example) => ({
        ...response,
        name: example.name,
        value: example.value,
      })),
    );
    test.each(named)(
      "answers $status $mediaType example $name when the request prefers it",
      async ({ status, mediaType, name, value }) => {
        const reply = await send(url, operation, valid?.body ?? null, {
          headers: { prefer: `code=${status}, example=${name}`, accept: mediaType },
        });
        expect(reply.status, reply.text).toBe(status);
        expect(reply.contentType.startsWith(mediaType), reply.contentType).toBe(true);
        expect(parseBody(reply)).toEqual(value);
      },
    );
  },
);
