// createEmulator(): the emulated service as a web-standard `fetch`, with the controls a test
// needs. Everything here is plain JavaScript over web APIs, so it also runs in a browser.

import { behaviours, type CallContext, statelessAnswer } from "./behaviour.js";
import type { IncomingCall, Outcome } from "./call.js";
import { type Clock, type ClockMode, createClock } from "./clock.js";
import { CONTROL_PREFIX, handleControl } from "./control.js";
import { EmulatorError } from "./errors.js";
import { type FailOptions, Faults } from "./faults.js";
import { chatIdOfPhone, requireIdInstance, requirePhone, requireToken } from "./inputs.js";
import { type AddPeopleOptions, acceptInvite, addPeople } from "./invites.js";
import { answersInAnyState, jobBehaviours } from "./job-behaviours.js";
import { Journal, type JournalEntry } from "./journal.js";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "./json-depth.js";
import { MAX_INSTANCES } from "./limits.js";
import { NOT_AUTHORIZED_SUFFIX, STARTING_MS, STARTING_SUFFIX } from "./magic.js";
import { parseMultipart, partsOf, TooManyParts } from "./multipart.js";
import { createRandom, type Random } from "./random.js";
import { RateLimiter, warnStandingClock } from "./rate-limit.js";
import { echoed, refusal } from "./refusal.js";
import { routePattern } from "./route-pattern.js";
import {
  type OperationSpec,
  operations,
  operationsById,
  type SpecAnswer,
  specAnswer,
} from "./spec.js";
import { checkAnswer, checkBody, checkParams } from "./validate.js";
import {
  INSTANCE_STATES,
  type Instance,
  type InstanceState,
  monthOf,
  type Snapshot,
  World,
} from "./world.js";

export type { IncomingCall, Outcome } from "./call.js";
export type { ClockMode } from "./clock.js";
export type { FailOptions } from "./faults.js";
export type { SentMessage } from "./inbox.js";
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

export interface AddInstanceOptions {
  idInstance: string;
  apiTokenInstance: string;
  /** The instance's own phone number; a made-up one when left out. */
  phone?: number | string;
  /** "authorized" unless given. */
  state?: InstanceState;
  /** Calls per calendar month for this instance, over the emulator's `quota`. */
  quota?: number;
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

/** Request bodies beyond this are refused (a group picture is well under it). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/**
 * A JSON body beyond this is refused unparsed: parsing takes the event loop from every other
 * caller, and the largest body the spec accepts (createGroup with its 1,023 ids) is ~30 kB.
 */
export const MAX_JSON_BODY_BYTES = 256 * 1024;

interface Route {
  operation: OperationSpec;
  pattern: RegExp;
}

/** Segments of the spec's paths that are never a secret: shown in the journal as they are. */
const LITERAL_SEGMENTS = new Set(
  operations.flatMap((operation) => operation.path.split("/").filter((s) => !s.includes("{"))),
);

const routes: Route[] = operations.map((operation) => ({
  operation,
  pattern: routePattern(operation.path),
}));

const handlers = new WeakMap<Emulator, (call: IncomingCall) => Promise<Outcome>>();

/** The emulator's request handler, for the Node server (not part of the public surface). */
export function handlerOf(emulator: Emulator): (call: IncomingCall) => Promise<Outcome> {
  const handler = handlers.get(emulator);
  if (!handler) throw new TypeError("not an emulator made by createEmulator()");
  return handler;
}

function json(answer: SpecAnswer): Outcome {
  return {
    status: answer.status,
    contentType: answer.mediaType,
    body: JSON.stringify(answer.body),
  };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener("abort", aborted);
      resolve();
    }
    function aborted() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener("abort", aborted, { once: true });
  });
}

/** The longest delay a fault may hold a call for: what one timer can wait (about 24.8 days). */
export const MAX_DELAY_MS = 2 ** 31 - 1;

function requireCount(value: unknown, field: string, min: number): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min)
    throw new EmulatorError(`${field} must be an integer >= ${min}`, field);
  return value;
}

function requireState(value: unknown): InstanceState {
  if (!INSTANCE_STATES.includes(value as InstanceState))
    throw new EmulatorError(`state must be one of ${INSTANCE_STATES.join(", ")}`, "state");
  return value as InstanceState;
}

/** The documented text for a body that is not JSON, with the real character and position. */
function malformedAnswer(operation: OperationSpec, text: string, error: unknown): SpecAnswer {
  const found = specAnswer(operation, "malformedJson");
  const message = error instanceof Error ? error.message : "";
  const stated = /position (\d+)/.exec(message)?.[1];
  const quoted = /token '(.)'/.exec(message)?.[1];
  const position =
    stated !== undefined
      ? Number(stated)
      : quoted !== undefined && text.includes(quoted)
        ? text.indexOf(quoted)
        : text.trim() === ""
          ? 0
          : text.length;
  const token = text[position] ?? "end";
  const body = found.body as { description?: string };
  if (typeof body.description === "string") {
    body.description = body.description.replace(
      /token \S+ in JSON at position \d+/,
      `token ${token} in JSON at position ${position}`,
    );
  }
  return found;
}

/** The recorded validation 400 (refusal.ts), its path and time filled in by `finish`. */
const withDetail = refusal;

/** Whether a file's bytes are of the declared media type (JPEG by its signature). */
async function isOfType(file: Blob, mediaType: string): Promise<boolean> {
  if (mediaType === "image/jpeg") {
    const head = new Uint8Array(await file.slice(0, 3).arrayBuffer());
    return head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
  }
  return mediaType === "application/octet-stream" || file.type === mediaType;
}

class Core {
  clock: Clock;
  random: Random;
  world: World;
  limiter = new RateLimiter();
  /** Whether a 429 has already been explained by the manual clock (said once per emulator). */
  warnedOfClock = false;
  faults = new Faults();
  journal = new Journal(LITERAL_SEGMENTS);

  constructor(
    readonly options: Required<Pick<EmulatorOptions, "clock" | "seed" | "strict">> & {
      quota: number | undefined;
      chatQuota?: number | undefined;
    },
  ) {
    this.clock = createClock(options.clock);
    this.random = createRandom(options.seed);
    this.world = new World(this.random);
  }

  reset(): void {
    this.clock = createClock(this.options.clock);
    this.random = createRandom(this.options.seed);
    this.world = new World(this.random);
    this.limiter.clear();
    this.faults.clear();
    this.journal.clear();
  }

  register(options: {
    idInstance: string;
    token: string;
    phone?: string;
    state?: InstanceState;
    quota?: number;
    startingUntil?: number;
  }): Instance {
    // Re-added without a phone, an instance keeps its own: its groups still name it.
    const previous = this.world.instances.get(options.idInstance);
    const phone = options.phone ?? previous?.phone ?? this.world.newPhone();
    const instance: Instance = {
      idInstance: options.idInstance,
      token: options.token,
      phone,
      chatId: chatIdOfPhone(phone),
      state: options.state ?? "authorized",
      startingUntil: options.startingUntil,
      quota: options.quota ?? this.options.quota,
      quotaUsed: 0,
      quotaMonth: monthOf(this.clock.now()),
    };
    if (previous) this.world.chatIds.delete(previous.chatId);
    this.world.instances.set(instance.idInstance, instance);
    this.world.chatIds.set(instance.chatId, instance);
    return instance;
  }

  /** The instance the URL names; unknown ones register themselves (magic ids in other states). */
  instanceFor(idInstance: string, token: string): Instance | undefined {
    const known = this.world.instances.get(idInstance);
    if (known) return known.token === token ? known : undefined;
    if (this.world.instances.size >= MAX_INSTANCES) return undefined;
    if (idInstance.endsWith(STARTING_SUFFIX))
      return this.register({
        idInstance,
        token,
        state: "starting",
        startingUntil: this.clock.now() + STARTING_MS,
      });
    if (idInstance.endsWith(NOT_AUTHORIZED_SUFFIX))
      return this.register({ idInstance, token, state: "notAuthorized" });
    return this.register({ idInstance, token });
  }

  /** Answers one call; a failure inside the emulator is the spec's 500, never a dropped call. */
  async handle(call: IncomingCall): Promise<Outcome> {
    try {
      return await this.answer(call);
    } catch (error) {
      if (call.signal?.aborted && error === call.signal.reason) throw error;
      return json(specAnswer(operations[0] as OperationSpec, "internalError"));
    }
  }

  private async answer(call: IncomingCall): Promise<Outcome> {
    if (call.pathname === CONTROL_PREFIX || call.pathname.startsWith(`${CONTROL_PREFIX}/`))
      return handleControl(this, call);
    const now = this.clock.now();
    let route: Route | undefined;
    let match: RegExpExecArray | null = null;
    for (const candidate of routes) {
      match = candidate.pattern.exec(call.pathname);
      if (match) {
        route = candidate;
        break;
      }
    }
    const fallback = operations[0] as OperationSpec;
    const record = (
      operation: OperationSpec | null,
      params: Record<string, string>,
      status: number,
      request: unknown,
      answer: unknown,
    ) => {
      this.journal.add(
        {
          at: now,
          operation: operation?.id ?? null,
          idInstance: params.idInstance ?? null,
          method: call.method,
          // Filled in (with the token masked) when the journal is read.
          path: operation ? "" : call.pathname,
          status,
          request,
          answer,
        },
        params.apiTokenInstance,
        operation ? { template: operation.path, params } : undefined,
      );
    };
    const finish = (
      operation: OperationSpec | null,
      params: Record<string, string>,
      answer: SpecAnswer,
      request: unknown = null,
    ): Outcome => {
      const sent = echoed(answer, operation, params, now);
      record(operation, params, sent.status, request, sent.body);
      return json(sent);
    };

    if (!route || !match) return finish(null, {}, specAnswer(fallback, "wrongMethod"));
    const { operation } = route;
    const params: Record<string, string> = {};
    try {
      operation.pathParams.forEach((name, i) => {
        params[name] = decodeURIComponent(match[i + 1] ?? "");
      });
    } catch {
      return finish(operation, {}, withDetail(operation, "path is not valid percent-encoding"));
    }
    if (call.method !== operation.method)
      return finish(operation, params, specAnswer(operation, "wrongMethod"));
    const paramVerdict = checkParams(operation, params);
    if (!paramVerdict.valid)
      return finish(operation, params, withDetail(operation, paramVerdict.detail));

    const idInstance = params.idInstance as string;
    const instance = this.instanceFor(idInstance, params.apiTokenInstance as string);
    if (!instance) return finish(operation, params, specAnswer(operation, "wrongToken"));

    const fault = this.faults.take(operation.id);
    if (fault) {
      if (fault.delay > 0) await sleep(fault.delay, call.signal);
      if (fault.reset) {
        record(operation, params, 0, null, null);
        return { reset: true };
      }
      if (fault.status !== undefined) {
        const answer = this.faultAnswer(operation, fault.status, fault.body);
        return finish(operation, params, answer);
      }
    }

    if (
      operation.rateLimit !== undefined &&
      !this.limiter.take(`${idInstance}\u0000${operation.id}`, operation.rateLimit, now)
    ) {
      if (this.clock.mode === "manual" && !this.warnedOfClock) {
        this.warnedOfClock = true;
        warnStandingClock(operation.id, operation.rateLimit);
      }
      return finish(operation, params, specAnswer(operation, "tooManyRequests"));
    }

    if (instance.quota !== undefined) {
      const month = monthOf(now);
      if (month !== instance.quotaMonth) {
        instance.quotaMonth = month;
        instance.quotaUsed = 0;
      }
      if (instance.quotaUsed >= instance.quota)
        return finish(operation, params, this.quotaAnswer(operation, instance));
      instance.quotaUsed++;
    }

    if (
      instance.state === "starting" &&
      instance.startingUntil !== undefined &&
      now >= instance.startingUntil
    ) {
      instance.state = "authorized";
      instance.startingUntil = undefined;
    }
    const anyState = answersInAnyState.has(operation.id);
    if (instance.state === "starting" && !anyState)
      return finish(operation, params, specAnswer(operation, "instanceStarting"));
    if (instance.state === "notAuthorized" && !anyState)
      return finish(operation, params, specAnswer(operation, "notAuthorized"));

    const limit =
      operation.contentType === "multipart/form-data" ? MAX_BODY_BYTES : MAX_JSON_BODY_BYTES;
    if (call.contentLength !== undefined && call.contentLength > limit)
      return finish(operation, params, withDetail(operation, "body is too large"));
    const read = await this.readBody(operation, call);
    if ("answer" in read) return finish(operation, params, read.answer, read.request);

    const ctx: CallContext = {
      world: this.world,
      instance,
      operation,
      body: read.body,
      now,
      strict: this.options.strict,
      chatQuota: this.options.chatQuota,
    };
    const behaviour = behaviours[operation.id] ?? jobBehaviours[operation.id];
    const answer = behaviour ? behaviour(ctx) : statelessAnswer(operation);
    return finish(operation, params, answer, read.request);
  }

  /** The body, valid by the spec; or the documented 400 for it. */
  private async readBody(
    operation: OperationSpec,
    call: IncomingCall,
  ): Promise<{ body: unknown; request: unknown } | { answer: SpecAnswer; request: unknown }> {
    // An operation without a body (a GET) reads none: whatever came with it is ignored.
    if (operation.contentType === undefined) return { body: undefined, request: null };
    const binary = Object.entries(operation.binaryParts);
    if (operation.contentType === "multipart/form-data") {
      let form: FormData;
      let grouped: Map<string, FormDataEntryValue[]>;
      try {
        form = await call.formData();
        grouped = partsOf(form);
      } catch (error) {
        // Not multipart, cut short, too large or too many parts: nothing the spec would accept.
        const detail =
          error instanceof TooManyParts ? error.message : "body is not multipart/form-data";
        return { answer: withDetail(operation, detail), request: null };
      }
      const parts: Record<string, unknown> = {};
      const request: Record<string, unknown> = {};
      for (const [key, values] of grouped) {
        const one = values.length === 1 ? values[0] : values;
        parts[key] = typeof one === "string" || Array.isArray(one) ? one : "<binary>";
        request[key] =
          typeof one === "object" && !Array.isArray(one) ? { type: one.type, size: one.size } : one;
      }
      const verdict = checkBody(operation, parts);
      if (!verdict.valid) return { answer: withDetail(operation, verdict.detail), request };
      for (const [name, mediaType] of binary) {
        const value = form.get(name);
        const file = typeof value === "string" ? new Blob([value]) : value;
        if (!file) continue;
        if (file.size === 0) return { answer: specAnswer(operation, "fileEmpty"), request };
        if (file.size > MAX_BODY_BYTES)
          return { answer: withDetail(operation, `${name} is too large`), request };
        if (!(await isOfType(file, mediaType)))
          return { answer: specAnswer(operation, "unsupportedMediaType"), request };
      }
      return { body: Object.fromEntries(form), request };
    }
    // As Prism does: a body in a media type the operation does not list is refused unread.
    const given = (call.contentType ?? "").split(";")[0]?.trim().toLowerCase();
    if (given && given !== operation.contentType)
      return {
        answer: withDetail(operation, `content type must be ${operation.contentType}`),
        request: null,
      };
    let text: string;
    try {
      text = await call.text();
    } catch {
      return {
        answer: withDetail(operation, "body could not be read or is too large"),
        request: null,
      };
    }
    if (text.length > MAX_JSON_BODY_BYTES)
      return { answer: withDetail(operation, "body is too large"), request: null };
    if (nestsDeeperThan(text))
      return {
        answer: withDetail(operation, `body nests deeper than ${MAX_JSON_DEPTH} levels`),
        request: text.slice(0, 1000),
      };
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      return { answer: malformedAnswer(operation, text, error), request: text.slice(0, 1000) };
    }
    const verdict = checkBody(operation, body);
    if (!verdict.valid) return { answer: withDetail(operation, verdict.detail), request: body };
    return { body, request: body };
  }

  quotaAnswer(operation: OperationSpec, instance: Instance): SpecAnswer {
    const found = specAnswer(operation, "quotaExceeded");
    const report = found.body as { invokeStatus: Record<string, unknown> };
    // Only the calls quota is modelled, so only its part is reported (the schema allows that).
    found.body = {
      invokeStatus: {
        ...report.invokeStatus,
        method: operation.id,
        used: instance.quotaUsed,
        total: instance.quota,
      },
    };
    return found;
  }

  faultAnswer(operation: OperationSpec, status: number, body: unknown): SpecAnswer {
    if (body !== undefined)
      return { status, mediaType: "application/json", body: structuredClone(body) };
    const first = Object.keys(operation.examples).find(
      (name) => operation.examples[name]?.status === status,
    );
    if (!first)
      throw new EmulatorError(`${operation.id} documents no example for ${status}`, "status");
    return specAnswer(operation, first);
  }

  fail(operationId: unknown, options: FailOptions = {}): void {
    const operation = operationsById.get(String(operationId));
    if (!operation)
      throw new EmulatorError(
        `unknown operation ${String(operationId).slice(0, 100)}; one of ${[...operationsById.keys()].join(", ")}`,
        "operation",
      );
    if (typeof options !== "object" || options === null)
      throw new EmulatorError("options must be an object", "options");
    const times = options.times === undefined ? 1 : requireCount(options.times, "times", 1);
    const delay = options.delay === undefined ? 0 : requireCount(options.delay, "delay", 0);
    const after = options.after === undefined ? 0 : requireCount(options.after, "after", 0);
    // A longer wait than a timer can hold would fire at once (Node clamps it to 1 ms).
    if (delay > MAX_DELAY_MS)
      throw new EmulatorError(`delay must be at most ${MAX_DELAY_MS} ms`, "delay");
    const reset = options.reset === undefined ? false : options.reset;
    if (typeof reset !== "boolean") throw new EmulatorError("reset must be a boolean", "reset");
    const status = options.status;
    if (status !== undefined && !operation.statuses.includes(status as number))
      throw new EmulatorError(
        `${operation.id} documents the statuses ${operation.statuses.join(", ")}, not ${String(status).slice(0, 20)}`,
        "status",
      );
    if (options.body !== undefined) {
      if (status === undefined) throw new EmulatorError("a body needs a status", "body");
      const verdict = checkAnswer(operation, status, options.body);
      if (!verdict.valid)
        throw new EmulatorError(
          `body does not match the spec's ${status} answer: ${verdict.detail}`,
          "body",
        );
    } else if (status !== undefined) {
      this.faultAnswer(operation, status, undefined);
    }
    if (status === undefined && !reset && delay === 0)
      throw new EmulatorError("give a status, reset: true or a delay", "options");
    this.faults.add(operation.id, { status, body: options.body, reset, delay, left: times, after });
  }

  addInstance(options: AddInstanceOptions): void {
    if (typeof options !== "object" || options === null)
      throw new EmulatorError("addInstance takes an object", "options");
    const idInstance = requireIdInstance(options.idInstance);
    const token = requireToken(options.apiTokenInstance);
    const phone = options.phone === undefined ? undefined : requirePhone(options.phone, "phone");
    const state = options.state === undefined ? undefined : requireState(options.state);
    const quota = options.quota === undefined ? undefined : requireCount(options.quota, "quota", 0);
    if (!this.world.instances.has(idInstance) && this.world.instances.size >= MAX_INSTANCES)
      throw new EmulatorError(
        `the emulator holds at most ${MAX_INSTANCES} instances`,
        "idInstance",
      );
    if (phone !== undefined) {
      const other = this.world.instanceByChatId(chatIdOfPhone(phone));
      if (other && other.idInstance !== idInstance)
        throw new EmulatorError("another instance already has this phone", "phone");
    }
    const registered = this.register({
      idInstance,
      token,
      ...(phone === undefined ? {} : { phone }),
      ...(state === undefined ? {} : { state }),
      ...(quota === undefined ? {} : { quota }),
    });
    registered.startingUntil = undefined;
  }

  setState(idInstance: unknown, state: unknown): void {
    const id = requireIdInstance(idInstance);
    const next = requireState(state);
    const instance = this.world.instances.get(id);
    if (!instance) throw new EmulatorError(`no instance ${id}; add it first`, "idInstance");
    instance.state = next;
    instance.startingUntil = undefined;
  }

  addPeople(phones: unknown, options?: unknown): void {
    addPeople(this.world, phones, options);
  }

  acceptInvite(person: unknown): string[] {
    return acceptInvite(this.world, person);
  }
}

/**
 * A call from fetch's arguments. A string URL with a string or FormData body (what the client
 * sends) skips building a Request, which is most of an in-process call's cost.
 */
function callOf(input: RequestInfo | URL, init: RequestInit | undefined): IncomingCall {
  const body = init?.body;
  if (
    !(input instanceof Request) &&
    (body === undefined || body === null || typeof body === "string" || body instanceof FormData)
  ) {
    const signal = init?.signal ?? undefined;
    if (signal?.aborted) throw signal.reason;
    const headers = new Headers(init?.headers);
    const text = typeof body === "string" ? body : "";
    return {
      method: (init?.method ?? "GET").toUpperCase(),
      pathname: new URL(input).pathname,
      contentType: headers.get("content-type"),
      text: async () => (body instanceof FormData ? "" : text),
      formData: async () => {
        if (body instanceof FormData) return body;
        throw new TypeError("the body is not multipart/form-data");
      },
      ...(signal ? { signal } : {}),
    };
  }
  const request = input instanceof Request && init === undefined ? input : new Request(input, init);
  if (request.signal.aborted) throw request.signal.reason;
  const length = request.headers.get("content-length");
  return {
    method: request.method,
    pathname: new URL(request.url).pathname,
    contentType: request.headers.get("content-type"),
    ...(length === null ? {} : { contentLength: Number(length) }),
    text: () => request.text(),
    formData: async () =>
      parseMultipart(
        new Uint8Array(await request.arrayBuffer()),
        request.headers.get("content-type"),
      ),
    signal: request.signal,
  };
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

export type { Core };
