// The request as Prism's core takes it, and Prism's validation results in the shape
// prism-http-server reports them (`location` starts with "request" or "response").
import type { IncomingHttpHeaders } from "node:http";
import type { IPrismDiagnostic } from "@stoplight/prism-core";
import type prismHttp from "@stoplight/prism-http";
import type { IHttpRequest } from "@stoplight/prism-http";

export interface Violation {
  location: string[];
  severity: string;
  code: string | number | undefined;
  message: string;
}

/** Prism's DiagnosticSeverity, by number. */
const SEVERITIES = ["Error", "Warning", "Information", "Hint"];

/** The operations Prism reads from a document. */
export type Operations = Awaited<ReturnType<typeof prismHttp.getHttpOperationsFromSpec>>;

function nameValues(searchParams: URLSearchParams): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    params[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return params;
}

export function prismInput(
  req: { method?: string; url?: string; headers: IncomingHttpHeaders },
  body: unknown,
): IHttpRequest {
  const { searchParams, pathname } = new URL(req.url ?? "/", "http://mock.invalid");
  return {
    method: (req.method ?? "get").toLowerCase() as IHttpRequest["method"],
    url: {
      path: pathname,
      baseUrl: searchParams.get("__server") || undefined,
      query: nameValues(searchParams),
    },
    headers: req.headers as Record<string, string>,
    body,
  };
}

function withPrefix(prefix: "request" | "response") {
  return (detail: IPrismDiagnostic): Violation => ({
    location: [prefix, ...(detail.path ?? []).map(String)],
    severity: SEVERITIES[detail.severity] ?? String(detail.severity),
    code: detail.code,
    message: detail.message,
  });
}

export function violationsOf(validations: {
  input: IPrismDiagnostic[];
  output: IPrismDiagnostic[];
}): Violation[] {
  return [
    ...validations.input.map(withPrefix("request")),
    ...validations.output.map(withPrefix("response")),
  ];
}
