// What the steps of an answer share: the call as routed, the instance once admitted, and the
// parts of the emulator a step may read or change. A step either answers (a verdict) or passes
// the call on to the next one (undefined).
import type { IncomingCall } from "../call.js";
import type { Clock } from "../clock.js";
import type { Faults } from "../faults.js";
import type { RateLimiter } from "../rate-limit.js";
import type { OperationId, OperationOf, SpecAnswer } from "../spec.js";
import type { Instance, World } from "../world.js";

/** A call the route step matched to an operation, with its path parameters decoded. */
export interface Routed {
  readonly call: IncomingCall;
  /** The emulator's clock when the call arrived, in ms. */
  readonly now: number;
  readonly operation: OperationOf<OperationId>;
  readonly params: Readonly<Record<string, string>>;
}

/** A routed call whose credentials named an instance: what the later steps work on. */
export interface Admitted extends Routed {
  readonly instance: Instance;
  /** The request body, valid by the spec, once the body step has read it. */
  body: unknown;
  /** The request as the journal keeps it (null until the body step reads one). */
  request: unknown;
}

/** The connection is dropped instead of answered (a fault's `reset`). */
export const DROP = Object.freeze({ reset: true as const });

/** A step's verdict: an answer, a dropped connection, or undefined to pass the call on. */
export type Verdict = SpecAnswer | typeof DROP | undefined;

/** What a body reader gives: the valid body, or the answer refusing it; and what to journal. */
export type BodyRead =
  | { body: unknown; request: unknown }
  | { answer: SpecAnswer; request: unknown };

/** The emulator as the steps see it. */
export interface StepEnv {
  readonly clock: Pick<Clock, "mode" | "now">;
  readonly world: World;
  readonly limiter: RateLimiter;
  readonly faults: Faults;
  readonly options: { readonly strict: boolean; readonly chatQuota?: number | undefined };
  /** Whether a 429 has already been explained by the manual clock (said once per emulator). */
  warnedOfClock: boolean;
  /** The instance the URL names; unknown ones register themselves; undefined: a wrong token. */
  instanceFor(idInstance: string, token: string): Instance | undefined;
}

/** A step after the credentials: answers the call or passes it on. */
export type Step = (state: Admitted, env: StepEnv) => Verdict | Promise<Verdict>;
