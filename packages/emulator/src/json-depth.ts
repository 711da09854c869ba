// A linear pre-scan of a JSON text's nesting, so a body nested thousands deep is refused before
// JSON.parse (100,000 levels took it 100 ms) and before anything walks it recursively.

/** No body the spec accepts nests anywhere near this deep; deeper ones are refused unparsed. */
export const MAX_JSON_DEPTH = 32;

/** Whether the text opens more than `max` arrays or objects at once (strings skipped). */
export function nestsDeeperThan(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // a backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}
