// The ways a server or a log may echo a secret back, for tests of anything that masks: each
// must come out of `redactor(secret)` with no piece of 8 characters of the secret left.

const lowerHex = (text: string) => text.replace(/%[\dA-F]{2}/g, (hex) => hex.toLowerCase());

/** Named echoes of `secret`: whole in each spelling, in either case, and cut. */
export function echoesOf(secret: string): [name: string, echo: string][] {
  const encoded = encodeURIComponent(secret);
  return [
    ["as given", secret],
    ["in upper case", secret.toUpperCase()],
    ["in lower case", secret.toLowerCase()],
    ["percent-encoded", encoded],
    ["percent-encoded in lowercase hex", lowerHex(encoded)],
    ["percent-encoded in upper case", encoded.toUpperCase()],
    ["encoded as a URI", encodeURI(secret)],
    ["JSON-escaped", JSON.stringify(secret).slice(1, -1)],
    ["JSON-escaped, percent-encoded", JSON.stringify(encoded).slice(1, -1)],
    ["cut at both ends", secret.slice(2, -2)],
    ["its first 8 characters", secret.slice(0, 8)],
    ["its last 8 characters in upper case", secret.slice(-8).toUpperCase()],
  ];
}

/** The 8-character pieces of a secret's spellings (case-folded) a masked text must not hold. */
export function leakedPieces(secret: string, text: string): string[] {
  const forms = [secret, encodeURIComponent(secret), encodeURI(secret)].map((form) =>
    form.toLowerCase(),
  );
  const folded = text.toLowerCase();
  const found = new Set<string>();
  for (const form of forms)
    for (let i = 0; i + 8 <= form.length; i++) {
      const piece = form.slice(i, i + 8);
      if (folded.includes(piece)) found.add(piece);
    }
  return [...found];
}
