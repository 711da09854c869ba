// The one masking rule: a secret long enough to be a real one is masked in every spelling, and
// so is any piece of 8 characters of one, wherever it appears (a server may cut or re-case it).
// A secret shorter than that (a test's dummy "any" or "t") is masked only where a secret
// travels, a URL path segment: masked anywhere, it would garble our own words ("Too M*** Requests").
import { foldCase, spellings } from "./spellings.js";

export const MASK = "***";
/** A piece of a secret this long or longer is masked wherever it appears. */
export const PIECE = 8;

export type Redact = (text: string) => string;

/** Characters that end a URL path segment in running text. */
const SEGMENT = /\/([^/?#\s"'<>]+)/g;

function maskPieces(text: string, pieces: ReadonlySet<string>): string {
  const folded = foldCase(text);
  // One pass: each position that starts a piece extends the masked run; runs become MASK.
  let out = "";
  let copied = 0;
  for (let i = 0; i + PIECE <= folded.length; i++)
    if (pieces.has(folded.slice(i, i + PIECE))) {
      if (i > copied || !out) out += text.slice(copied, i) + MASK;
      copied = Math.max(copied, i + PIECE);
    }
  return out ? out + text.slice(copied) : text;
}

function maskSegments(text: string, short: ReadonlySet<string>): string {
  return text.replace(SEGMENT, (whole, segment: string) =>
    short.has(foldCase(segment)) ? `/${MASK}` : whole,
  );
}

/**
 * A function that masks the secrets as `***` in any text, in one pass over it. Anything that is
 * not a non-empty string is ignored, so `redactor(undefined)` leaves text alone.
 */
export function redactor(secrets: unknown): Redact {
  const list = (Array.isArray(secrets) ? secrets : [secrets]).filter(
    (secret): secret is string => typeof secret === "string" && secret.length > 0,
  );
  const pieces = new Set<string>();
  const short = new Set<string>();
  for (const secret of list)
    for (const form of spellings(secret)) {
      if (secret.length < PIECE || form.length < PIECE) short.add(form);
      else for (let i = 0; i + PIECE <= form.length; i++) pieces.add(form.slice(i, i + PIECE));
    }
  return (text) => {
    const masked = pieces.size ? maskPieces(text, pieces) : text;
    return short.size ? maskSegments(masked, short) : masked;
  };
}
