// One call as the emulator sees it, whether it came through fetch or the Node server.

export interface IncomingCall {
  method: string;
  /** The path, still percent-encoded, without the query. */
  pathname: string;
  contentType: string | null;
  /** Declared body length, when known, to refuse a huge body before reading it. */
  contentLength?: number;
  text(): Promise<string>;
  formData(): Promise<FormData>;
  signal?: AbortSignal;
}

export type Outcome = { status: number; contentType: string; body: string } | { reset: true };
