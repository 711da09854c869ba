import type { operations as Operations } from "@greenspec/types";
import type { OperationId } from "./generated/operations.js";

/** The body of a 466 answer as the spec describes it. */
export type QuotaReport = Operations[OperationId]["responses"] extends infer R
  ? R extends { 466: { content: { "application/json": infer Q } } }
    ? Q
    : never
  : never;

/** Fields every answer-based error carries. */
interface Answered {
  /** HTTP status of the answer. */
  status: number;
  /** The service's identifier or a short excerpt of the body (secret masked). */
  description: string;
  /** The request URL with the token masked. */
  url: string;
}

/** What went wrong, by kind: `switch (error.kind)` narrows to the fields of each. */
export type GreenApiErrorDetails =
  | { kind: "validation"; status?: undefined; field: string; rule: string }
  | ({ kind: "instance-starting" | "not-authorized" | "bad-request" } & Answered)
  | ({ kind: "unauthorized" | "forbidden" | "not-found" | "server" } & Answered)
  | ({ kind: "rate-limited"; retryAfter?: number } & Answered)
  | ({ kind: "quota-exceeded"; quota?: QuotaReport } & Answered)
  | ({ kind: "unexpected-response" } & Answered)
  /** `connectFailed`: the connection was never made, so nothing was sent. */
  | { kind: "network"; status?: undefined; url: string; connectFailed?: boolean }
  | { kind: "timeout"; status?: undefined; url: string; timeout: number }
  | { kind: "aborted"; status?: undefined };

export type GreenApiErrorKind = GreenApiErrorDetails["kind"];

interface ErrorContext {
  /** The operation (method name) that failed. */
  operation: OperationId;
  /** Requests sent before giving up (0 when the request never left the process). */
  attempts: number;
  /**
   * True when the request may have been carried out although no answer says so (a lost
   * connection, a timeout, a 5xx, an unreadable 2xx): check before doing it again.
   */
  outcomeUnknown?: boolean;
}

class GreenApiErrorBase extends Error {
  declare kind: GreenApiErrorKind;
  declare operation: OperationId;
  declare attempts: number;

  constructor(message: string, details: GreenApiErrorDetails & ErrorContext, cause?: Error) {
    super(message, cause && { cause });
    this.name = "GreenApiError";
    Object.assign(this, details);
  }
}

/** The one error type of the client; narrow on `kind`. */
export type GreenApiError = GreenApiErrorBase & GreenApiErrorDetails & ErrorContext;

export const GreenApiError = GreenApiErrorBase as unknown as {
  new (message: string, details: GreenApiErrorDetails & ErrorContext, cause?: Error): GreenApiError;
  readonly prototype: GreenApiError;
};

const KIND_OF_STATUS: Record<number, GreenApiErrorKind> = {
  401: "unauthorized",
  403: "forbidden",
  404: "not-found",
  429: "rate-limited",
  466: "quota-exceeded",
};

/** The kind an HTTP status means, before the body's identifier is looked at. */
export const kindOfStatus = (status: number): GreenApiErrorKind =>
  KIND_OF_STATUS[status] ??
  (status > 499 ? "server" : status > 399 ? "bad-request" : "unexpected-response");
