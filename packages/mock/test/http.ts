// Raw HTTP to the mock with fetch, bypassing every client, so the tests see what Prism does.
import { expect } from "vitest";
import { isMultipart, type JsonValue, type Operation } from "./openapi-operations.js";
import { isFileField, TINY_JPEG } from "./request-bodies.js";

/** A hung request fails the test instead of stalling the run. */
export const REQUEST_TIMEOUT_MS = 5000;

export interface Violation {
  location: string[];
  severity: string;
  code: string | number;
  message: string;
}

export interface Reply {
  status: number;
  contentType: string;
  text: string;
  violations: Violation[];
}

export interface SendOptions {
  headers?: Record<string, string>;
  /** Bytes to send as they are, instead of a serialized body. */
  raw?: string;
  timeoutMs?: number;
}

export function formData(operation: Operation, body: JsonValue): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, JsonValue>)) {
    if (isFileField(operation, key)) {
      form.append(key, new Blob([TINY_JPEG], { type: "image/jpeg" }), "picture.jpg");
    } else {
      form.append(key, typeof value === "string" ? value : JSON.stringify(value));
    }
  }
  return form;
}

export async function send(
  url: string,
  operation: Operation,
  body: JsonValue,
  options: SendOptions = {},
): Promise<Reply> {
  const multipart = isMultipart(operation) && options.raw === undefined;
  const response = await fetch(url, {
    method: operation.method.toUpperCase(),
    // fetch writes the multipart content type itself, boundary included.
    headers: multipart
      ? options.headers
      : { "content-type": operation.requestMediaType, ...options.headers },
    body: options.raw ?? (multipart ? formData(operation, body) : JSON.stringify(body)),
    signal: AbortSignal.timeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  const contentType = response.headers.get("content-type") ?? "";
  const header = response.headers.get("sl-violations");
  let violations: Violation[] = header ? (JSON.parse(header) as Violation[]) : [];
  if (contentType.startsWith("application/problem+json")) {
    violations = violations.concat(
      (JSON.parse(text) as { validation?: Violation[] }).validation ?? [],
    );
  }
  return { status: response.status, contentType, text, violations };
}

/**
 * The mock refused the request itself: a 400/422 naming a violation of the request's `part`
 * (a missing body counts as a body violation: Prism reports it at the request's top level).
 */
export function expectRequestRejected(reply: Reply, part: "body" | "path"): void {
  expect([400, 422], `status (body: ${reply.text})`).toContain(reply.status);
  const matching = reply.violations.filter(
    ({ location }) =>
      location[0] === "request" &&
      (location[1] === part || (part === "body" && location.length === 1)),
  );
  expect(
    matching,
    `violations of the request ${part}: ${JSON.stringify(reply.violations)}`,
  ).not.toHaveLength(0);
}

export function parseBody(reply: Reply): JsonValue {
  return reply.contentType.includes("json") ? (JSON.parse(reply.text) as JsonValue) : reply.text;
}
