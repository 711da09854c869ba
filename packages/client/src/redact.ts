const MASK = "***";

/** Returns a function that masks every spelling of `secret` a URL or message may carry. */
export function redactor(secret: unknown): (text: string) => string {
  const raw = typeof secret === "string" ? secret : "";
  const forms = raw ? [...new Set([raw, encodeURIComponent(raw), encodeURI(raw)])] : [];
  return (text) => {
    let out = text;
    for (const form of forms) out = out.split(form).join(MASK);
    return out;
  };
}

/**
 * A fresh copy of a thrown value and its cause chain with the secret masked: fetch errors may
 * hold the request URL (and with it the token) in their message, stack or own properties.
 */
export function redactError(error: unknown, redact: (text: string) => string, depth = 0): Error {
  const source = (error ?? {}) as { name?: unknown; message?: unknown; stack?: unknown; code?: unknown; cause?: unknown };
  const message = typeof source.message === "string" ? source.message : String(error);
  const cause = source.cause !== undefined && depth < 4 ? redactError(source.cause, redact, depth + 1) : undefined;
  const copy: Error & { code?: string } = new Error(redact(message), cause && { cause });
  if (typeof source.name === "string") copy.name = source.name;
  if (typeof source.code === "string") copy.code = redact(source.code);
  copy.stack = typeof source.stack === "string" ? redact(source.stack) : `${copy.name}: ${copy.message}`;
  return copy;
}
