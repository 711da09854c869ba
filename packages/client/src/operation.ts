/** One failed rule as ajv reports it (standalone validators, `messages: false`). */
export interface ValidationIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** An ajv standalone validator: true when valid, else `errors` holds what failed. */
export interface Validator {
  (data: unknown): boolean;
  errors?: ValidationIssue[] | null;
}

/** What the generated operations table knows about each operation. */
export interface OperationInfo {
  readonly path: string;
  /** HTTP method when not POST. */
  readonly method?: string;
  readonly contentType?: string;
  /** True when the spec lets the body be left out. */
  readonly bodyOptional?: boolean;
  readonly params: Validator;
  readonly body?: Validator;
  readonly response?: Validator;
  /** Requests per second the service allows for this operation, per instance. */
  readonly rateLimit?: number;
  /** Multipart parts sent as files, with the media type the spec declares for each. */
  readonly binary?: Readonly<Record<string, string>>;
  /** For a oneOf body: the fields that pick each branch. */
  readonly alternatives?: readonly (readonly string[])[];
  /** [integer phone field, string chat id field] when the body offers both. */
  readonly phoneAlias?: readonly [string, string];
}
