// createEmulator(): the emulated service as a web-standard `fetch`, with the controls a test
// needs. Everything here is plain JavaScript over web APIs, so it also runs in a browser.

import type { IncomingCall, Outcome } from "./call.js";
import type { Clock, ClockMode } from "./clock.js";
import { Core } from "./core.js";
import { EmulatorError } from "./errors.js";
import type { FailOptions } from "./faults.js";
import { callOf } from "./fetch-call.js";
import { requireCount } from "./inputs.js";
import type { AddInstanceOptions } from "./instances.js";
import type { AddPeopleOptions } from "./invites.js";
import type { JournalEntry } from "./journal.js";
import type { InstanceState, Snapshot } from "./world.js";

export type { IncomingCall, Outcome } from "./call.js";
export type { ClockMode } from "./clock.js";
export type { FailOptions } from "./faults.js";
export type { SentMessage } from "./inbox.js";
export type { AddInstanceOptions } from "./instances.js";
export type { AddPeopleOptions } from "./invites.js";
export type { JournalEntry } from "./journal.js";
export type { InstanceState, Snapshot } from "./world.js";

export interface EmulatorOptions {
  /** "real" (default) follows the wall clock; "manual" moves only with `clock.advance(ms)`. */
  clock?: ClockMode;
  /** Seeds the ids and links the emulator makes up (default 1): the same seed, the same ids. */
  seed?: number;
  /** Only people added with addPeople() have WhatsApp (default: every well-formed number). */
  strict?: boolean;
  /** Calls each instance may make per calendar month (the developer plan); none when left out. */
  quota?: number;
  /** Distinct chats each instance may write to per calendar month (the Developer plan has 3). */
  chatQuota?: number;
}

export interface Emulator {
  /** The service, with the signature of the global fetch: pass it to createGreenApi({ fetch }). */
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** Registers an instance (unknown instances register themselves, authorized, on first use). */
  addInstance(options: AddInstanceOptions): void;
  setState(idInstance: string, state: InstanceState): void;
  /**
   * People who have WhatsApp, by phone number or chat id (what strict mode knows);
   * `refusesAdding: true`: their privacy settings refuse being added (only an invite works).
   */
  addPeople(phones: readonly (number | string)[], options?: AddPeopleOptions): void;
  /**
   * The person accepts every invite link an instance sent them (of a group that still has that
   * link): they become a member of each such group. Answers the group ids joined.
   */
  acceptInvite(phoneOrChatId: number | string): string[];
  /** The next `times` calls of `operation` fail as told (after letting `after` calls through). */
  fail(operation: string, options?: FailOptions): void;
  readonly clock: Pick<Clock, "mode" | "now" | "advance">;
  /** Every call so far (the latest 10,000), oldest first, with the API token masked. */
  readonly journal: JournalEntry[];
  /** The whole state as JSON: instances (without tokens), people, groups, members, admins. */
  snapshot(): Snapshot;
  /** Back to a fresh emulator with the same options (and a manual clock back at its start). */
  reset(): void;
}

const handlers = new WeakMap<Emulator, (call: IncomingCall) => Promise<Outcome>>();

/** The emulator's request handler, for the Node server (not part of the public surface). */
export function handlerOf(emulator: Emulator): (call: IncomingCall) => Promise<Outcome> {
  const handler = handlers.get(emulator);
  if (!handler) throw new TypeError("not an emulator made by createEmulator()");
  return handler;
}

/** A fresh emulated Green API, ready at once; no socket is opened. */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  if (typeof options !== "object" || options === null)
    throw new EmulatorError("createEmulator takes an object", "options");
  const clock = options.clock ?? "real";
  if (clock !== "real" && clock !== "manual")
    throw new EmulatorError('clock must be "real" or "manual"', "clock");
  const seed = options.seed === undefined ? 1 : options.seed;
  if (typeof seed !== "number" || !Number.isSafeInteger(seed))
    throw new EmulatorError("seed must be an integer", "seed");
  const strict = options.strict ?? false;
  if (typeof strict !== "boolean") throw new EmulatorError("strict must be a boolean", "strict");
  const quota = options.quota === undefined ? undefined : requireCount(options.quota, "quota", 0);
  const chatQuota =
    options.chatQuota === undefined ? undefined : requireCount(options.chatQuota, "chatQuota", 0);
  const core = new Core({ clock, seed, strict, quota, chatQuota });

  const emulator: Emulator = {
    fetch: async (input, init) => {
      const outcome = await core.handle(callOf(input, init));
      if ("reset" in outcome)
        throw new TypeError("fetch failed", {
          cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }),
        });
      return new Response(outcome.body, {
        status: outcome.status,
        headers: { "content-type": outcome.contentType },
      });
    },
    addInstance: (o) => core.addInstance(o),
    setState: (id, state) => core.setState(id, state),
    addPeople: (phones, o) => core.addPeople(phones, o),
    acceptInvite: (person) => core.acceptInvite(person),
    fail: (operation, o) => core.fail(operation, o),
    clock: {
      get mode() {
        return core.clock.mode;
      },
      now: () => core.clock.now(),
      advance: (ms) => core.clock.advance(ms),
    },
    get journal() {
      return core.journal.list();
    },
    snapshot: () => core.world.snapshot(core.clock.now()),
    reset: () => core.reset(),
  };
  handlers.set(emulator, (call) => core.handle(call));
  return emulator;
}
