import { describe, expect, inject, it } from "vitest";
import { createGreenApi, type GreenApiErrorKind, type OperationId } from "../src/index.js";
import { failureOf as rejection } from "./failure.js";
import { specOperations } from "./spec.js";

const api = createGreenApi({
  idInstance: "1101000001",
  apiTokenInstance: "YOUR_TOKEN",
  apiUrl: inject("mockUrl"),
  retry: false,
});
type Call = (body: unknown, options?: object) => Promise<unknown>;
const method = (id: string) => (api as unknown as Record<string, Call>)[id] as Call;

/** A request example as the client takes it: multipart file parts become Blobs. */
function requestOf(
  media: { examples?: Record<string, { value: unknown }> },
  binary: boolean,
  name: string,
) {
  const value = media.examples?.[name]?.value as Record<string, unknown>;
  if (!binary) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === "file" ? new Blob([String(v)], { type: "image/jpeg" }) : v,
    ]),
  );
}

// What each documented error answer must become: by status, then by the 400 identifiers.
const KIND_BY_STATUS: Record<string, GreenApiErrorKind> = {
  "400": "bad-request",
  "401": "unauthorized",
  "403": "forbidden",
  "404": "not-found",
  "429": "rate-limited",
  "466": "quota-exceeded",
  "500": "server",
  "502": "server",
};
const KIND_BY_EXAMPLE: Record<string, GreenApiErrorKind> = {
  instanceStarting: "instance-starting",
  notAuthorized: "not-authorized",
  instanceStartingOrNotAuthorized: "not-authorized",
};

for (const operation of specOperations) {
  const id = operation.operationId as OperationId;
  const [contentType, media] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
  const binary = contentType === "multipart/form-data";
  // An operation without a body (a GET) is called with none: one "example", undefined.
  const requestExamples = operation.requestBody ? Object.keys(media?.examples ?? {}) : ["noBody"];
  const firstRequest = requestOf(media ?? {}, binary, requestExamples[0] as string);
  const ok = operation.responses["200"]?.content?.["application/json"]?.examples ?? {};

  describe(`${id} through the client against Prism`, () => {
    it("has request examples and 200 examples to test with", () => {
      expect(requestExamples.length).toBeGreaterThan(0);
      expect(Object.keys(ok).length).toBeGreaterThan(0);
    });

    for (const name of requestExamples) {
      it(`succeeds with the request example ${name}`, async () => {
        const answer = await method(id)(requestOf(media ?? {}, binary, name));
        expect(Object.values(ok).map((example) => example.value)).toContainEqual(answer);
      });
    }

    for (const [name, example] of Object.entries(ok)) {
      const envelope = example.value as { code?: unknown; description?: unknown };
      // The error envelope a 200 may carry (the spec's ServiceErrorInOk): an error, not a value.
      if (typeof envelope?.code === "number" && typeof envelope.description === "string") {
        const kind = KIND_BY_STATUS[String(envelope.code)];
        it(`rejects with kind ${kind} on the 200 example ${name} (an error in a 200)`, async () => {
          const error = await rejection(
            method(id)(firstRequest, { headers: { Prefer: `example=${name}` } }),
          );
          expect(error.kind).toBe(kind);
          expect(error.status).toBe(envelope.code);
          expect(error.message).toContain("in an HTTP 200 answer");
        });
        continue;
      }
      it(`resolves with the 200 example ${name} when Prefer selects it`, async () => {
        const answer = await method(id)(firstRequest, { headers: { Prefer: `example=${name}` } });
        expect(answer).toEqual(example.value);
      });
    }

    for (const [status, response] of Object.entries(operation.responses)) {
      if (status === "200") continue;
      for (const [type, errorMedia] of Object.entries(response.content ?? {})) {
        for (const [name, example] of Object.entries(errorMedia.examples ?? {})) {
          const kind = (status === "400" && KIND_BY_EXAMPLE[name]) || KIND_BY_STATUS[status];
          it(`rejects with kind ${kind} on the ${status} ${type} example ${name}`, async () => {
            const error = await rejection(
              method(id)(firstRequest, {
                headers: { Prefer: `code=${status}, example=${name}`, Accept: type },
              }),
            );
            expect(error.kind).toBe(kind);
            expect(error.status).toBe(Number(status));
            expect(error.attempts).toBe(1);
            expect(error.operation).toBe(id);
            const text =
              typeof example.value === "string"
                ? example.value
                : (example.value as { description?: string }).description;
            if (text !== undefined)
              expect((error as { description?: string }).description).toBe(text);
            if (error.kind === "quota-exceeded") expect(error.quota).toEqual(example.value);
          });
        }
      }
    }
  });
}

it("adds by chat id and by phone, in both phone modes, against Prism", async () => {
  const groupId = "79001234567-1587570015@g.us";
  await expect(
    api.addGroupParticipant({ groupId, participantChatId: "79001234568@c.us" }),
  ).resolves.toHaveProperty("addParticipant");
  await expect(
    api.addGroupParticipant({ groupId, participantPhone: 79001234568 }),
  ).resolves.toHaveProperty("addParticipant");
  const asIs = createGreenApi({
    idInstance: "1101000001",
    apiTokenInstance: "YOUR_TOKEN",
    apiUrl: inject("mockUrl"),
    phoneMode: "participantPhone",
  });
  await expect(
    asIs.addGroupParticipant({ groupId, participantPhone: 79001234568 }),
  ).resolves.toHaveProperty("addParticipant");
});
