// Masking in the client: the one rule of @greenspec/redact, applied to thrown errors too.

type Thrown =
  | { name?: unknown; message?: unknown; stack?: unknown; code?: unknown; cause?: unknown }
  | undefined;

/**
 * A fresh copy of a thrown value and its cause chain with the secret masked: fetch errors may
 * hold the request URL (and with it the token) in their message, stack or own properties.
 */
export function redactError(error: unknown, redact: (text: string) => string, depth = 0): Error {
  try {
    const source = error as Thrown;
    const cause = source?.cause;
    const copy: Error & { code?: string } = new Error(
      redact(String(source?.message ?? error)),
      cause != null && depth < 4 ? { cause: redactError(cause, redact, depth + 1) } : undefined,
    );
    copy.name = redact(String(source?.name ?? "Error"));
    copy.stack = redact(String(source?.stack ?? `${copy.name}: ${copy.message}`));
    if (source?.code) copy.code = redact(String(source.code));
    return copy;
  } catch {
    // A thrown value whose getters or toString throw says nothing we can show.
    return new Error("unreadable error");
  }
}
