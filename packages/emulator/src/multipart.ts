// Multipart bodies read in linear time with a cap on their parts: a body of 158,000 tiny parts
// held the event loop for minutes. The parts are counted on the raw bytes before any parsing.

/**
 * A multipart body with more parts than this is refused unread. Every multipart operation of
 * the spec takes a handful of named fields, so no body the spec accepts comes near it.
 */
export const MAX_MULTIPART_PARTS = 64;

export class TooManyParts extends Error {
  constructor() {
    super(`body has more than ${MAX_MULTIPART_PARTS} multipart parts`);
  }
}

function boundaryOf(contentType: string | null): string | undefined {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? "");
  return match?.[1] ?? match?.[2];
}

/** Parses a multipart body after counting its delimiters (one indexOf pass over the bytes). */
export async function parseMultipart(
  bytes: Uint8Array,
  contentType: string | null,
): Promise<FormData> {
  const boundary = boundaryOf(contentType);
  if (boundary !== undefined) {
    // One byte one character (no Buffer: this runs in a browser too); the boundary is ASCII.
    const text = new TextDecoder("latin1").decode(bytes);
    const delimiter = `--${boundary}`;
    let count = 0;
    for (let at = text.indexOf(delimiter); at !== -1; at = text.indexOf(delimiter, at + 1)) {
      // The closing delimiter is one more than the parts.
      if (++count > MAX_MULTIPART_PARTS + 1) throw new TooManyParts();
    }
  }
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: contentType ? { "content-type": contentType } : {},
  }).formData();
}

/** The parts of a form grouped by name, in one pass (getAll per name is quadratic). */
export function partsOf(form: FormData): Map<string, FormDataEntryValue[]> {
  const parts = new Map<string, FormDataEntryValue[]>();
  let count = 0;
  for (const [name, value] of form) {
    if (++count > MAX_MULTIPART_PARTS) throw new TooManyParts();
    const values = parts.get(name);
    if (values) values.push(value);
    else parts.set(name, [value]);
  }
  return parts;
}
