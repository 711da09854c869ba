// The error envelope: the one component that success answers offer beside their own body (a 200
// that carries it is an error), and its integer property, which says the status it stands for.
import { SpecModelError } from "./errors.js";
import { deepFreeze, isObject } from "./json.js";
import type { Resolver } from "./references.js";
import type { ErrorEnvelope, Operation } from "./types.js";

const COMPONENT = "#/components/schemas/";

/** Undefined when no success answer offers an envelope; throws when they offer different ones. */
export function errorEnvelopeOf(
  operations: readonly Operation[],
  resolver: Resolver,
): ErrorEnvelope | undefined {
  const offered = operations.filter((operation) => operation.success.envelope !== undefined);
  const pointers = new Set(offered.map(({ success }) => resolver.pointerOf(success.envelope, "#")));
  const [pointer] = pointers;
  if (pointer === undefined) return undefined;
  if (pointers.size > 1)
    throw new SpecModelError(
      `success answers offer ${pointers.size} error envelopes, not one`,
      pointer,
    );
  const name = pointer.slice(COMPONENT.length);
  if (!pointer.startsWith(COMPONENT) || name.includes("/"))
    throw new SpecModelError("the error envelope must be a component schema", pointer);
  const schema = resolver.resolve({ $ref: pointer }, pointer);
  const properties = isObject(schema) && isObject(schema.properties) ? schema.properties : {};
  const statusField = Object.keys(properties).find((key) => {
    const property = resolver.resolve(properties[key], `${pointer}/properties`);
    return isObject(property) && property.type === "integer";
  });
  if (statusField === undefined)
    throw new SpecModelError(
      "the error envelope has no integer property to carry the status",
      pointer,
    );
  return deepFreeze({ name, schema: { $ref: pointer }, statusField });
}
