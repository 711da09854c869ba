/** Pieces of the secret this long or longer are masked wherever they appear. */
const PIECE = 8;

/** The spellings a server may echo the secret in: raw, URL-encoded (either hex case), JSON, HTML. */
function spellings(secret: string): Set<string> {
  const forms = new Set([secret, JSON.stringify(secret).slice(1, -1)]);
  try {
    forms.add(decodeURIComponent(secret));
  } catch {}
  for (const encoded of [encodeURIComponent(secret), encodeURI(secret)])
    for (const form of [encoded, encoded.replace(/%20/g, "+")]) {
      forms.add(form);
      forms.add(form.replace(/%[\dA-F]{2}/g, (hex) => hex.toLowerCase()));
    }
  forms.add(secret.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`));
  return forms;
}

/**
 * Returns a function that masks `secret` as `***` in any text: every spelling a URL, a body or
 * a message may carry it in, and any piece of 8 characters or more of one (a server may cut it).
 */
export function redactor(secret: unknown): (text: string) => string {
  if (!secret || typeof secret !== "string") return (text) => text;
  const size = Math.min(PIECE, secret.length);
  const pieces = new Set<string>();
  for (const form of spellings(secret))
    for (let i = 0; i + size <= form.length; i++) pieces.add(form.slice(i, i + size));
  // One pass: each position that starts a piece extends the masked run; runs become `***`.
  return (text) => {
    let out = "";
    let copied = 0;
    for (let i = 0; i + size <= text.length; i++)
      if (pieces.has(text.slice(i, i + size))) {
        if (i > copied || !out) out += `${text.slice(copied, i)}***`;
        copied = Math.max(copied, i + size);
      }
    return out + text.slice(copied);
  };
}

/**
 * A copy of a value with every string in it masked (keys too), for anything that goes into an
 * error: parsed bodies, details. Plain data only; deeper than a body can be is cut.
 */
export function redactDeep(value: unknown, redact: (text: string) => string, depth = 0): unknown {
  if (typeof value === "string") return redact(value);
  if (!value || typeof value !== "object") return value;
  if (depth > 8) return "[too deep]";
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [redact(key), redactDeep(item, redact, depth + 1)]),
  );
}

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
