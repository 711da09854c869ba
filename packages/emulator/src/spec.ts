// The one place this package reads the spec, through the spec model (@greenspec/spec/model). The
// emulator works on the model's own `Operation`; what it derives from one (its examples by name,
// its statuses, its route) is derived here, keyed by that operation. Example names are checked
// by type: src/generated/example-names.ts (scripts/generate-example-names.mjs) lists them.
import { isObject, type Json, model, type Operation } from "@greenspec/spec/model";
import {
  type ExampleNames,
  type FileOperationId,
  fileOperationIds,
  type OperationId,
  operationIds,
} from "./generated/example-names.js";
import { routePattern } from "./route-pattern.js";

export type { FileOperationId, Json, Operation, OperationId };

/** One documented answer of an operation: a status and a body the spec names as an example. */
export interface SpecAnswer {
  status: number;
  mediaType: string;
  body: unknown;
}

/** An operation of the spec whose id is known to the type checker. */
export type OperationOf<K extends OperationId> = Operation & { readonly id: K };

/** The names of the examples of operation `K`. */
export type ExampleName<K extends OperationId> = ExampleNames[K];

/** The operations that document an example named `N`. */
type OperationsNaming<N> = {
  [K in OperationId]: N extends ExampleNames[K] ? K : never;
}[OperationId];

/**
 * The example names every operation of `Ids` documents: for one operation, its own names; for
 * all of them (what the steps that answer any operation use), the names each one has.
 */
export type SharedExampleName<Ids extends OperationId = OperationId> = {
  [N in ExampleNames[Ids]]: [Ids] extends [OperationsNaming<N>] ? N : never;
}[ExampleNames[Ids]];

const JSON_MEDIA = "application/json";

/** What the emulator derives from one operation of the model. */
interface Derived {
  /** Every named JSON example of every documented answer (the first of a name wins). */
  examples: ReadonlyMap<string, SpecAnswer>;
  /** Every status the spec documents for the operation. */
  statuses: readonly number[];
}

function derive(operation: Operation): Derived {
  const statuses: number[] = [];
  const examples = new Map<string, SpecAnswer>();
  for (const answer of operation.answers) {
    const status = Number(answer.status);
    if (!Number.isInteger(status)) continue;
    if (!statuses.includes(status)) statuses.push(status);
    if (answer.mediaType !== JSON_MEDIA) continue;
    for (const example of answer.examples)
      if (!examples.has(example.name))
        examples.set(example.name, { status, mediaType: JSON_MEDIA, body: example.value });
  }
  return { examples, statuses };
}

// The generated names come from the same model: a mismatch means a stale build, so say so.
if (model.operations.map((operation) => operation.id).join() !== operationIds.join())
  throw new Error("spec: the generated example names are stale: rebuild @greenspec/emulator");

/** Every operation of the spec, in the spec's order. */
export const operations = model.operations as readonly OperationOf<OperationId>[];

const derived = new Map<Operation, Derived>(operations.map((op) => [op, derive(op)]));

function derivedOf(operation: Operation): Derived {
  const found = derived.get(operation);
  if (!found) throw new Error(`spec: ${operation.id} is not an operation of the spec`);
  return found;
}

/** The operation with this id, typed by it. */
export function operationOf<K extends OperationId>(id: K): OperationOf<K> {
  return model.operation(id) as OperationOf<K>;
}

/** The operation with this id, if the spec has one (for an id given at run time). */
export function findOperation(id: string): OperationOf<OperationId> | undefined {
  return operations.find((operation) => operation.id === id);
}

/** Whether the operation's request carries a file (so it documents the file refusals). */
export function hasFiles(operation: Operation): operation is OperationOf<FileOperationId> {
  return (fileOperationIds as readonly string[]).includes(operation.id);
}

/** Every status the spec documents for the operation. */
export function statusesOf(operation: Operation): readonly number[] {
  return derivedOf(operation).statuses;
}

/** A route per operation: the pattern its path template matches, and the names it captures. */
export interface Route {
  operation: OperationOf<OperationId>;
  pattern: RegExp;
  /** The path parameters' names in the order the pattern captures them (the path's order). */
  captures: readonly string[];
}

export const routes: readonly Route[] = operations.map((operation) => ({
  operation,
  pattern: routePattern(operation.path),
  captures: [...operation.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string),
}));

/** Segments of the spec's paths that are never a secret: shown in the journal as they are. */
export const literalSegments: ReadonlySet<string> = new Set(
  operations.flatMap((operation) => operation.path.split("/").filter((s) => !s.includes("{"))),
);

/** The component schemas, for a validator to take as `$defs`. */
export const componentSchemas: Readonly<Record<string, Json>> = (() => {
  const components = model.document.components;
  const schemas = isObject(components) ? components.schemas : undefined;
  return isObject(schemas) ? schemas : {};
})();

/**
 * A documented answer of `operation`, by the name of one of its examples, as a fresh copy the
 * caller may change. Only a generated name is taken: a renamed example is a type error. For an
 * operation typed as any of several, only the names they all document are taken.
 */
export function specAnswer<K extends OperationId>(
  operation: OperationOf<K>,
  example: NoInfer<SharedExampleName<K>>,
): SpecAnswer {
  return answerNamed(operation, example);
}

/** The answer named `example`, unchecked by type (callers take only generated names). */
function answerNamed(operation: Operation, example: string): SpecAnswer {
  const found = derivedOf(operation).examples.get(example);
  if (!found) throw new Error(`spec: ${operation.id} documents no answer named ${example}`);
  return { ...found, body: copy(found.body) };
}

/** The first example the spec documents for `status` (what a fault without a body answers). */
export function firstAnswerFor(operation: Operation, status: number): SpecAnswer | undefined {
  for (const [name, answer] of derivedOf(operation).examples)
    if (answer.status === status) return answerNamed(operation, name);
  return undefined;
}

/** A deep copy of plain JSON (cheaper than structuredClone for the spec's small examples). */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key in value) out[key] = copy(value[key]);
    return out;
  }
  return value;
}

/** The error identifier an example carries (its `description`), such as `rate overlimit`. */
export function identifierOf(answer: SpecAnswer): string {
  const body = answer.body;
  if (typeof body === "string") return body;
  const description = isObject(body) ? body.description : undefined;
  if (typeof description !== "string") throw new Error("spec: an error example has no identifier");
  return description;
}
