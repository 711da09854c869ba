// The route step: which operation a path and method name, with its path parameters decoded and
// checked by the spec. A path no operation has, a wrong method or bad parameters are answered.
import type { IncomingCall } from "../call.js";
import { refusal } from "../refusal.js";
import {
  type OperationId,
  type OperationOf,
  operations,
  type Route,
  routes,
  type SpecAnswer,
  specAnswer,
} from "../spec.js";
import { checkParams } from "../validate.js";
import type { Routed } from "./state.js";

/** An answer before any instance is known: `operation` is null for a path no operation has. */
export interface Unrouted {
  answer: SpecAnswer;
  operation: OperationOf<OperationId> | null;
  params: Readonly<Record<string, string>>;
}

/** The routed call, or the answer to a call that names no operation rightly. */
export function route(call: IncomingCall, now: number): Routed | Unrouted {
  for (const candidate of routes) {
    const match = candidate.pattern.exec(call.pathname);
    if (match) return routeTo(candidate, match, call, now);
  }
  // Any operation documents the not-found answer; the journal shows the path with no operation.
  const fallback = operations[0] as OperationOf<OperationId>;
  return { answer: specAnswer(fallback, "wrongMethod"), operation: null, params: {} };
}

function routeTo(
  { operation, captures }: Route,
  match: RegExpExecArray,
  call: IncomingCall,
  now: number,
): Routed | Unrouted {
  const params: Record<string, string> = {};
  try {
    captures.forEach((name, i) => {
      params[name] = decodeURIComponent(match[i + 1] ?? "");
    });
  } catch {
    return {
      answer: refusal(operation, "path is not valid percent-encoding"),
      operation,
      params: {},
    };
  }
  if (call.method.toLowerCase() !== operation.method)
    return { answer: specAnswer(operation, "wrongMethod"), operation, params };
  const verdict = checkParams(operation, params);
  if (!verdict.valid) return { answer: refusal(operation, verdict.detail), operation, params };
  return { call, now, operation, params };
}
