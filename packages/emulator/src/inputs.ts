// Synchronous checks of control arguments (ids, phones, tokens), built from the spec's own leaf
// schemas, so addInstance and addPeople refuse exactly what the service's requests would.
import { EmulatorError } from "./errors.js";
import { componentSchemas, operations } from "./spec.js";

interface Leaf {
  type?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

function leaf(schema: unknown): Leaf {
  return (schema && typeof schema === "object" ? schema : {}) as Leaf;
}

function checker(schema: Leaf): (value: unknown) => boolean {
  const pattern = schema.pattern === undefined ? undefined : new RegExp(schema.pattern, "u");
  return (value) => {
    if (schema.type === "integer") {
      if (typeof value !== "number" || !Number.isSafeInteger(value)) return false;
      if (schema.minimum !== undefined && value < schema.minimum) return false;
      if (schema.maximum !== undefined && value > schema.maximum) return false;
      return true;
    }
    if (typeof value !== "string") return false;
    if (schema.minLength !== undefined && value.length < schema.minLength) return false;
    if (schema.maxLength !== undefined && value.length > schema.maxLength) return false;
    return pattern === undefined || pattern.test(value);
  };
}

function pathParamSchema(name: string): Leaf {
  for (const op of operations) {
    const found = op.pathParameters.find((parameter) => parameter.name === name);
    if (found) return leaf(found.schema);
  }
  throw new Error(`spec: no path parameter ${name}`);
}

const isIdInstance = checker(pathParamSchema("idInstance"));
const isToken = checker(pathParamSchema("apiTokenInstance"));
const isPhone = checker(leaf(componentSchemas.PhoneNumber));
const isChatId = checker(leaf(componentSchemas.ChatId));
const isLidId = checker(leaf(componentSchemas.LidId));

/** The chat id of a phone number, the form WhatsApp gives a person's chat. */
export function chatIdOfPhone(phone: number | string): string {
  return `${phone}@c.us`;
}

export function requireIdInstance(value: unknown): string {
  if (!isIdInstance(value))
    throw new EmulatorError("idInstance must be a string of digits, as in the URL", "idInstance");
  return value as string;
}

export function requireToken(value: unknown): string {
  if (!isToken(value))
    throw new EmulatorError("apiTokenInstance must be a non-empty string", "apiTokenInstance");
  return value as string;
}

/** A phone (integer) or a personal chat id, as the chat id. */
export function requirePerson(value: unknown, field: string): string {
  if (isPhone(value)) return chatIdOfPhone(value as number);
  if (isChatId(value) || isLidId(value)) return value as string;
  throw new EmulatorError(
    `${field} must be a phone number (an integer in international format), a chat id like 79001234567@c.us or an @lid id`,
    field,
  );
}

/** A phone given as an integer or a string of digits, as the digits. */
export function requirePhone(value: unknown, field: string): string {
  const number = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (!isPhone(number))
    throw new EmulatorError(`${field} must be a phone number in international format`, field);
  return String(number);
}

/** A whole number of at least `min`, such as a count of calls or a delay in ms. */
export function requireCount(value: unknown, field: string, min: number): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min)
    throw new EmulatorError(`${field} must be an integer >= ${min}`, field);
  return value;
}
