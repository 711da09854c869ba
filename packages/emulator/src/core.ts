// The emulator's core: its state (clock, world, limits, faults, journal) and the calls it takes,
// each handled elsewhere: a method call by the pipeline (pipeline.ts), a control by control.ts,
// instances by instances.ts, faults by fail.ts, people and invites by invites.ts.
import type { IncomingCall, Outcome } from "./call.js";
import { type Clock, type ClockMode, createClock } from "./clock.js";
import { CONTROL_PREFIX, handleControl } from "./control.js";
import { fail } from "./fail.js";
import { type FailOptions, Faults } from "./faults.js";
import { type AddInstanceOptions, addInstance, instanceFor, setState } from "./instances.js";
import { acceptInvite, addPeople } from "./invites.js";
import { Journal } from "./journal.js";
import { answerCall, type PipelineEnv } from "./pipeline.js";
import { createRandom } from "./random.js";
import { RateLimiter } from "./rate-limit.js";
import { literalSegments, operations, specAnswer } from "./spec.js";
import type { Instance } from "./world.js";
import { World } from "./world.js";

export interface CoreOptions {
  clock: ClockMode;
  seed: number;
  strict: boolean;
  quota: number | undefined;
  chatQuota?: number | undefined;
}

export class Core implements PipelineEnv {
  clock: Clock;
  world: World;
  readonly limiter = new RateLimiter();
  warnedOfClock = false;
  readonly faults = new Faults();
  readonly journal = new Journal(literalSegments);

  constructor(readonly options: CoreOptions) {
    this.clock = createClock(options.clock);
    this.world = new World(createRandom(options.seed));
  }

  reset(): void {
    this.clock = createClock(this.options.clock);
    this.world = new World(createRandom(this.options.seed));
    this.limiter.clear();
    this.faults.clear();
    this.journal.clear();
  }

  instanceFor(idInstance: string, token: string): Instance | undefined {
    return instanceFor(this, idInstance, token);
  }

  /** Answers one call; a failure inside the emulator is the spec's 500, never a dropped call. */
  async handle(call: IncomingCall): Promise<Outcome> {
    try {
      if (call.pathname === CONTROL_PREFIX || call.pathname.startsWith(`${CONTROL_PREFIX}/`))
        return await handleControl(this, call);
      return await answerCall(this, call);
    } catch (error) {
      if (call.signal?.aborted && error === call.signal.reason) throw error;
      const answer = specAnswer(operations[0] as (typeof operations)[number], "internalError");
      return {
        status: answer.status,
        contentType: answer.mediaType,
        body: JSON.stringify(answer.body),
      };
    }
  }

  fail(operationId: unknown, options?: FailOptions): void {
    fail(this.faults, operationId, options);
  }

  addInstance(options: AddInstanceOptions): void {
    addInstance(this, options);
  }

  setState(idInstance: unknown, state: unknown): void {
    setState(this, idInstance, state);
  }

  addPeople(phones: unknown, options?: unknown): void {
    addPeople(this.world, phones, options);
  }

  acceptInvite(person: unknown): string[] {
    return acceptInvite(this.world, person);
  }
}
