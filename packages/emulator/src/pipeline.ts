// One call's answer as a pipeline of named steps (src/steps/): route, credentials, faults, rate
// limit, quota, instance state, body, behaviour. Each answers or passes the call on; the first
// answer is echoed as the service does, journaled, and sent.
import type { IncomingCall, Outcome } from "./call.js";
import type { Journal } from "./journal.js";
import { echoed } from "./refusal.js";
import type { Operation, SpecAnswer } from "./spec.js";
import { behaviour } from "./steps/behaviour.js";
import { body } from "./steps/body.js";
import { credentials } from "./steps/credentials.js";
import { faults } from "./steps/fault.js";
import { instanceState } from "./steps/instance-state.js";
import { quota } from "./steps/quota.js";
import { rateLimit } from "./steps/rate-limit.js";
import { route } from "./steps/route.js";
import type { Admitted, Step, StepEnv } from "./steps/state.js";

/** The emulator as the pipeline sees it: what the steps need, and the journal. */
export interface PipelineEnv extends StepEnv {
  readonly journal: Journal;
}

/** The steps between the credentials and the behaviour, in order. */
const STEPS: readonly Step[] = [faults, rateLimit, quota, instanceState, body];

/** What the journal and the echo need to know of the call being answered. */
interface Answering {
  call: IncomingCall;
  now: number;
  operation: Operation | null;
  params: Readonly<Record<string, string>>;
}

/** Journals the call (status 0 and no answer for a dropped connection). */
function record(env: PipelineEnv, a: Answering, status: number, request: unknown, answer: unknown) {
  const { operation, params } = a;
  env.journal.add(
    {
      at: a.now,
      operation: operation?.id ?? null,
      idInstance: params.idInstance ?? null,
      method: a.call.method,
      // Filled in (with the token masked) when the journal is read.
      path: operation ? "" : a.call.pathname,
      status,
      request,
      answer,
    },
    params.apiTokenInstance,
    operation ? { template: operation.path, params } : undefined,
  );
}

/** The answer as sent: echoed as the service does, journaled, as JSON. */
function finish(env: PipelineEnv, a: Answering, answer: SpecAnswer, request: unknown): Outcome {
  const sent = echoed(answer, a.operation, a.params, a.now);
  record(env, a, sent.status, request, sent.body);
  return { status: sent.status, contentType: sent.mediaType, body: JSON.stringify(sent.body) };
}

/** Answers one call to a Green API method. */
export async function answerCall(env: PipelineEnv, call: IncomingCall): Promise<Outcome> {
  const now = env.clock.now();
  const routed = route(call, now);
  if ("answer" in routed) return finish(env, { call, now, ...routed }, routed.answer, null);
  const admitted = credentials(routed, env);
  if ("answer" in admitted) return finish(env, routed, admitted.answer, null);
  const { operation, params } = routed;
  const { instance } = admitted;
  const state: Admitted = {
    call,
    now,
    operation,
    params,
    instance,
    body: undefined,
    request: null,
  };
  for (const step of STEPS) {
    const pending = step(state, env);
    // Only a step that waits is awaited: an await on every step costs every call.
    const verdict = pending instanceof Promise ? await pending : pending;
    if (verdict === undefined) continue;
    if ("reset" in verdict) {
      record(env, state, 0, null, null);
      return { reset: true };
    }
    return finish(env, state, verdict, state.request);
  }
  return finish(env, state, behaviour(state, env), state.request);
}
