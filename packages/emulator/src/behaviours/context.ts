// What a behaviour is: for one operation, the answer to a valid call from an admitted instance,
// chosen by the name of one of that operation's examples (a generated name, so a renamed example
// is a type error) with only live values filled in.
import type { components, operations } from "@greenspec/types";
import { hasWhatsAppByDefault } from "../magic.js";
import {
  type ExampleName,
  type OperationId,
  type OperationOf,
  type SpecAnswer,
  specAnswer,
} from "../spec.js";
import type { Instance, World } from "../world.js";

type Ops = operations;
/** The request body of an operation, as the generated types give it. */
export type Body<K extends OperationId> = Ops[K]["requestBody"] extends { content: infer C }
  ? C[keyof C]
  : never;
/** The success body of an operation: its 200 answer without the error envelope allowed there. */
export type Ok<K extends OperationId> = Exclude<
  Ops[K]["responses"][200]["content"]["application/json"],
  components["schemas"]["ServiceErrorInOk"]
>;

export interface CallContext<K extends OperationId = OperationId> {
  world: World;
  instance: Instance;
  operation: OperationOf<K>;
  /** The request body, already valid by the spec (multipart: its parts, files as Blobs). */
  body: unknown;
  /** The emulator's clock, in ms. */
  now: number;
  strict: boolean;
  /** Distinct chats an instance may write to per calendar month (the Developer plan), if any. */
  chatQuota?: number | undefined;
}

/** What operation `K` does and answers. */
export type Behaviour<K extends OperationId> = (ctx: CallContext<K>) => SpecAnswer;

/** A behaviour for every operation of the spec: one without is a type error. */
export type Behaviours = { readonly [K in OperationId]: Behaviour<K> };

/** The behaviour of an operation that changes and reads nothing: it answers its example `name`. */
export function stateless<K extends OperationId>(name: ExampleName<K>): Behaviour<K> {
  // `name` was checked against K's names where this was called; K is generic here.
  return (ctx) => specAnswer<K>(ctx.operation, name as never);
}

/** The named example as the answer, with `patch` laid over its body (typed by the spec). */
export function answer<K extends OperationId>(
  ctx: CallContext<K>,
  example: NoInfer<ExampleName<K>>,
  patch?: NoInfer<Partial<Ok<K>>>,
): SpecAnswer {
  // `example` is one of K's names by this signature; K is generic here.
  const found = specAnswer<K>(ctx.operation, example as never);
  if (patch) found.body = { ...(found.body as object), ...patch };
  return found;
}

/** The call's body, typed as the operation's request. */
export function bodyOf<K extends OperationId>(ctx: CallContext<K>): Body<K> {
  return ctx.body as Body<K>;
}

/** Whether a person has WhatsApp: an instance does; else strict mode's people or the magic rule. */
export function hasWhatsApp(ctx: CallContext, personId: string): boolean {
  if (ctx.world.instanceByChatId(personId)) return true;
  return ctx.strict ? ctx.world.people.has(personId) : hasWhatsAppByDefault(personId);
}
