// Instances: registering one (by addInstance, or on its first call), finding the one a URL names,
// and setting its state. The controls check their arguments first and change nothing on a bad one.
import type { Clock } from "./clock.js";
import { EmulatorError } from "./errors.js";
import {
  chatIdOfPhone,
  requireCount,
  requireIdInstance,
  requirePhone,
  requireToken,
} from "./inputs.js";
import { MAX_INSTANCES } from "./limits.js";
import { NOT_AUTHORIZED_SUFFIX, STARTING_MS, STARTING_SUFFIX } from "./magic.js";
import {
  INSTANCE_STATES,
  type Instance,
  type InstanceState,
  monthOf,
  type World,
} from "./world.js";

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

/** What instances are kept in: the world, the clock (for the quota's month), the default quota. */
export interface InstanceHome {
  readonly world: World;
  readonly clock: Pick<Clock, "now">;
  readonly options: { readonly quota: number | undefined };
}

interface Registration {
  idInstance: string;
  token: string;
  phone?: string;
  state?: InstanceState;
  quota?: number;
  startingUntil?: number;
}

function register(home: InstanceHome, options: Registration): Instance {
  const { world } = home;
  // Re-added without a phone, an instance keeps its own: its groups still name it.
  const previous = world.instances.get(options.idInstance);
  const phone = options.phone ?? previous?.phone ?? world.newPhone();
  const instance: Instance = {
    idInstance: options.idInstance,
    token: options.token,
    phone,
    chatId: chatIdOfPhone(phone),
    state: options.state ?? "authorized",
    startingUntil: options.startingUntil,
    quota: options.quota ?? home.options.quota,
    quotaUsed: 0,
    quotaMonth: monthOf(home.clock.now()),
  };
  if (previous) world.chatIds.delete(previous.chatId);
  world.instances.set(instance.idInstance, instance);
  world.chatIds.set(instance.chatId, instance);
  return instance;
}

/** The instance the URL names; unknown ones register themselves (magic ids in other states). */
export function instanceFor(home: InstanceHome, idInstance: string, token: string) {
  const known = home.world.instances.get(idInstance);
  if (known) return known.token === token ? known : undefined;
  if (home.world.instances.size >= MAX_INSTANCES) return undefined;
  if (idInstance.endsWith(STARTING_SUFFIX))
    return register(home, {
      idInstance,
      token,
      state: "starting",
      startingUntil: home.clock.now() + STARTING_MS,
    });
  if (idInstance.endsWith(NOT_AUTHORIZED_SUFFIX))
    return register(home, { idInstance, token, state: "notAuthorized" });
  return register(home, { idInstance, token });
}

function requireState(value: unknown): InstanceState {
  if (!INSTANCE_STATES.includes(value as InstanceState))
    throw new EmulatorError(`state must be one of ${INSTANCE_STATES.join(", ")}`, "state");
  return value as InstanceState;
}

export function addInstance(home: InstanceHome, options: AddInstanceOptions): void {
  if (typeof options !== "object" || options === null)
    throw new EmulatorError("addInstance takes an object", "options");
  const idInstance = requireIdInstance(options.idInstance);
  const token = requireToken(options.apiTokenInstance);
  const phone = options.phone === undefined ? undefined : requirePhone(options.phone, "phone");
  const state = options.state === undefined ? undefined : requireState(options.state);
  const quota = options.quota === undefined ? undefined : requireCount(options.quota, "quota", 0);
  const { world } = home;
  if (!world.instances.has(idInstance) && world.instances.size >= MAX_INSTANCES)
    throw new EmulatorError(`the emulator holds at most ${MAX_INSTANCES} instances`, "idInstance");
  if (phone !== undefined) {
    const other = world.instanceByChatId(chatIdOfPhone(phone));
    if (other && other.idInstance !== idInstance)
      throw new EmulatorError("another instance already has this phone", "phone");
  }
  const registered = register(home, {
    idInstance,
    token,
    ...(phone === undefined ? {} : { phone }),
    ...(state === undefined ? {} : { state }),
    ...(quota === undefined ? {} : { quota }),
  });
  registered.startingUntil = undefined;
}

export function setState(home: InstanceHome, idInstance: unknown, state: unknown): void {
  const id = requireIdInstance(idInstance);
  const next = requireState(state);
  const instance = home.world.instances.get(id);
  if (!instance) throw new EmulatorError(`no instance ${id}; add it first`, "idInstance");
  instance.state = next;
  instance.startingUntil = undefined;
}
