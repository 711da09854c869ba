import type { Validator } from "./validation.js";

export type { Validator, Violation } from "./validation.js";

/** What the generated operations table knows about each operation, named as the spec model names it. */
export interface OperationInfo {
  readonly path: string;
  /** HTTP method when not POST. */
  readonly method?: string;
  /** The request body's media type; none: the operation takes no body. */
  readonly mediaType?: string;
  /** Whether doing it twice has the effect of doing it once (`x-greenspec-idempotent`). */
  readonly idempotent: boolean;
  /** True when the spec lets the body be left out. */
  readonly bodyOptional?: boolean;
  readonly params: Validator;
  readonly body?: Validator;
  readonly response?: Validator;
  /**
   * How many of `response`'s first fields the outcome rests on (`x-greenspec-outcome`, put first
   * by the generator); without it, all of `response` decides.
   */
  readonly outcome?: number;
  /** Requests per second the service allows for this operation, per instance. */
  readonly requestsPerSecond?: number;
  /** Multipart parts sent as files, with the media type the spec declares for each. */
  readonly files?: Readonly<Record<string, string>>;
  /** For a oneOf body: the fields that pick each branch. */
  readonly exactlyOneOf?: readonly (readonly string[])[];
  /** For a oneOf body: checks the fields every branch requires (a participant call's group). */
  readonly common?: Validator;
  /** [integer phone field, string chat id field] when the body offers both. */
  readonly phoneAlias?: readonly [string, string];
}
