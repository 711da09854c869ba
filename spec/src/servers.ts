import { SpecModelError } from "./errors.js";
import { isObject, type JsonObject } from "./json.js";

/**
 * The first server's URL with every `{variable}` replaced by its default: works for
 * `{apiUrl}` as for `https://{host}`. Fails when a variable has no default.
 */
export function defaultServerUrl(document: JsonObject): string {
  const servers = document.servers;
  const server = Array.isArray(servers) ? servers[0] : undefined;
  if (!isObject(server) || typeof server.url !== "string")
    throw new SpecModelError("the document names no server", "#/servers");
  const variables = isObject(server.variables) ? server.variables : {};
  const url = server.url.replace(/\{([^{}]*)\}/g, (_match, name: string) => {
    const variable = variables[name];
    const fallback = isObject(variable) ? variable.default : undefined;
    if (typeof fallback !== "string")
      throw new SpecModelError(`server variable ${name} has no default`, "#/servers/0/variables");
    return fallback;
  });
  if (url.includes("{") || url.includes("}"))
    throw new SpecModelError(`server URL ${url} has an unclosed variable`, "#/servers/0/url");
  return url;
}
