// How a request path is matched to an operation's path template. The service takes a method
// name in any case: Green API's PHP SDK and its earlier Python SDKs call `/CreateGroup/`,
// `/SetGroupPicture/`, where the pages (and the spec) write `/createGroup/`. So a path segment
// without a parameter (the method name) matches in any case; one with a parameter
// (`waInstance{idInstance}`) and the parameters themselves stay as the spec writes them.

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const anyCase = (pattern: string) =>
  pattern.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);

/** A RegExp for `template` that captures each `{parameter}` in order, still percent-encoded. */
export function routePattern(template: string): RegExp {
  const segments = template.split("/").map((segment) => {
    if (!segment.includes("{")) return anyCase(literal(segment));
    return segment
      .split(/\{[^}]+\}/)
      .map(literal)
      .join("([^/]*)");
  });
  return new RegExp(`^${segments.join("/")}$`);
}
