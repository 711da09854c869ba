/** Returns a function that masks every spelling of `secret` a URL or message may carry. */
export function redactor(secret: unknown): (text: string) => string {
  const forms =
    secret && typeof secret === "string"
      ? [secret, encodeURIComponent(secret), encodeURI(secret)]
      : [];
  return (text) => forms.reduce((out, form) => out.split(form).join("***"), text);
}

type Thrown =
  | { name?: unknown; message?: unknown; stack?: unknown; code?: unknown; cause?: unknown }
  | undefined;

/**
 * A fresh copy of a thrown value and its cause chain with the secret masked: fetch errors may
 * hold the request URL (and with it the token) in their message, stack or own properties.
 */
export function redactError(error: unknown, redact: (text: string) => string, depth = 0): Error {
  const source = error as Thrown;
  const cause = source?.cause;
  const copy: Error & { code?: string } = new Error(
    redact(String(source?.message ?? error)),
    cause != null && depth < 4 ? { cause: redactError(cause, redact, depth + 1) } : undefined,
  );
  copy.name = String(source?.name ?? "Error");
  copy.stack = redact(String(source?.stack ?? `${copy.name}: ${copy.message}`));
  if (source?.code) copy.code = redact(String(source.code));
  return copy;
}
