// Every way a secret may be written back to us: as sent, URL-decoded or encoded (either hex
// case), with `+` for a space, JSON-escaped, HTML-escaped, and in any letter case.

/** ASCII letters in lower case, everything else as it is: the text keeps its length. */
export function foldCase(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The spellings of a secret, case-folded (so hex case and letter case do not matter). */
export function spellings(secret: string): Set<string> {
  const plain = decoded(secret);
  const forms = new Set([secret, plain]);
  for (const source of [secret, plain])
    for (const encoded of [encodeURIComponent(source), encodeURI(source)]) {
      forms.add(encoded);
      forms.add(encoded.replace(/%20/g, "+"));
    }
  forms.add(plain.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`));
  for (const form of [...forms]) forms.add(JSON.stringify(form).slice(1, -1));
  return new Set([...forms].map(foldCase).filter((form) => form.length > 0));
}
