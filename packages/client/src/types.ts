import type { operations as Operations } from "@greenspec/types";
import type { OnDrift } from "./drift.js";
import type { GreenApiError } from "./errors.js";
import type { ErrorEnvelope, OperationId, operations as table } from "./generated/operations.js";
import type { Pacer } from "./pacing.js";
import type { RetryOptions } from "./retry.js";

export type { OperationId };

type Content<K extends OperationId> = Operations[K] extends { requestBody: { content: infer C } }
  ? C[keyof C]
  : Operations[K] extends { requestBody?: { content: infer C } }
    ? C[keyof C] | undefined
    : undefined;

/** A file part: a Blob (a File is one) or raw bytes. */
export type BinaryPart = Blob | Uint8Array;

type WithFiles<T, Files> = T extends unknown
  ? Omit<T, keyof Files> & { [P in keyof Files]: BinaryPart }
  : never;

/** The body an operation takes, from the generated types (file parts as Blob or bytes). */
export type RequestBody<K extends OperationId> = (typeof table)[K] extends { files: infer Files }
  ? WithFiles<Content<K>, Files>
  : Content<K>;

/**
 * What an operation resolves with: its 200 body, from the generated types, without the error
 * envelope a 200 may carry (the client turns that into a GreenApiError).
 */
export type ResponseBody<K extends OperationId> = Operations[K]["responses"] extends {
  200: { content: { "application/json": infer R } };
}
  ? ByCreated<Exclude<R, ErrorEnvelope>>
  : never;

/**
 * An answer that says whether something was `created` and names it by `chatId` (createGroup's),
 * split on `created`: the spec's answer carries the new id when it is true, so `if (r.created)`
 * leaves `r.chatId` a string, no cast needed.
 */
type ByCreated<R> = R extends { created: boolean; chatId?: infer Id }
  ?
      | (Omit<R, "created" | "chatId"> & { created: true; chatId: Exclude<Id, undefined> })
      | (Omit<R, "created"> & { created: false })
  : R;

type KeysOf<T> = T extends unknown ? keyof T : never;

/** T, with every key that `Shape` does not know turned into an error. */
export type Exact<T, Shape> = T & { [K in Exclude<keyof T, KeysOf<Shape>>]: never };

/** Options of one call; they override the client's. */
export interface CallOptions {
  /** Per-attempt timeout in ms. */
  timeout?: number;
  /** Cancels the call, also between retries. */
  signal?: AbortSignal;
  /** Retry policy for this call, or `false` for a single attempt. */
  retry?: RetryOptions | false;
  /** Extra request headers (for example `Prefer` for a contract mock). */
  headers?: Record<string, string>;
  /** Told before each retry's wait of this call (after the client's own `onRetry`). */
  onRetry?: (event: RetryEvent) => void;
  /**
   * Told when this call's 200 answer carries its outcome but differs from the spec elsewhere
   * (after the client's own `onDrift`); the answer is returned as it came.
   */
  onDrift?: OnDrift;
}

/** One method per operation of the spec, named by its operationId (`GreenApi` adds the bulk one). */
export type OperationMethods = {
  [K in OperationId]: [RequestBody<K>] extends [undefined]
    ? // An operation without a body (a GET): called with none.
      (body?: undefined, options?: CallOptions) => Promise<ResponseBody<K>>
    : <B extends RequestBody<K>>(
        body: Exact<B, RequestBody<K>>,
        options?: CallOptions,
      ) => Promise<ResponseBody<K>>;
};

/** The instance's path parameters, as every operation of the spec takes them. */
export type Credentials = Operations[OperationId]["parameters"]["path"];

/** Told before each retry's wait; the error is the one being retried (token masked). */
export interface RetryEvent {
  operation: OperationId;
  /** The attempt that failed (1 for the first). */
  attempt: number;
  /** How long the client waits before the next attempt, in ms. */
  delay: number;
  error: GreenApiError;
}

export interface GreenApiOptions {
  idInstance: Credentials["idInstance"];
  apiTokenInstance: Credentials["apiTokenInstance"];
  /** The instance's API host (default: the spec's server). */
  apiUrl?: string;
  /** Per-attempt timeout in ms (default 30000). */
  timeout?: number;
  /** Retry policy (defaults: 3 attempts, 500 ms base, 10 s cap, 60 s deadline), or `false`. */
  retry?: RetryOptions | false;
  /** Space calls by each method's rate limit (default false); a Pacer to share one. */
  pacing?: boolean | Pacer;
  /**
   * How a `participantPhone` is sent: as `participantChatId: "<phone>@c.us"` (`"chatId"`, the
   * default: the form Green API's pages and official SDK use today), or as is
   * (`"participantPhone"`, the 2020 form the spec also keeps).
   */
  phoneMode?: "participantPhone" | "chatId";
  /**
   * Answers longer than this many bytes fail as `unexpected-response` without being read
   * further (default 4 MiB; the largest real answer, a big group's data, is far below it).
   */
  maxResponseBytes?: number;
  /** A fetch to use instead of the global one. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Called before each retry, for logging. */
  onRetry?: (event: RetryEvent) => void;
  /**
   * Called when a 200 answer carries its outcome (`x-greenspec-outcome`) but differs from the
   * spec elsewhere: each field that drifted, masked. Without it the full check never runs.
   */
  onDrift?: OnDrift;
}
