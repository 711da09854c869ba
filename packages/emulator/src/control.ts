// The emulator's controls over HTTP, under one reserved path prefix that no Green API method
// uses (they all start with /waInstance). Each control answers JSON; a bad argument gets 400
// with `{ "error", "field" }` and changes nothing.
import type { IncomingCall, Outcome } from "./call.js";
import type { Clock } from "./clock.js";
import { EmulatorError } from "./errors.js";
import type { Journal } from "./journal.js";
import type { World } from "./world.js";

/** What the controls drive: the emulator's core (its methods check their own arguments). */
export interface Controllable {
  readonly clock: Clock;
  readonly journal: Journal;
  readonly world: World;
  addInstance(options: never): void;
  setState(idInstance: unknown, state: unknown): void;
  addPeople(phones: unknown, options?: unknown): void;
  acceptInvite(person: unknown): string[];
  fail(operation: unknown, options: never): void;
  reset(): void;
}

type Core = Controllable;

/** Every control lives under this path. */
export const CONTROL_PREFIX = "/_emulator";

type Control = (core: Core, body: Record<string, unknown>) => unknown;

const controls: Record<string, Control> = {
  "POST /instances": (core, body) => core.addInstance(body as never),
  "POST /state": (core, body) => core.setState(body.idInstance, body.state),
  "POST /people": (core, body) =>
    core.addPeople(
      body.phones,
      body.refusesAdding === undefined ? undefined : { refusesAdding: body.refusesAdding },
    ),
  "POST /accept-invite": (core, body) => ({ joined: core.acceptInvite(body.person) }),
  "POST /fail": (core, body) => {
    const { operation, ...options } = body;
    core.fail(operation, options as never);
  },
  "POST /clock/advance": (core, body) => {
    if (typeof body.ms !== "number") throw new EmulatorError("ms must be a number", "ms");
    core.clock.advance(body.ms);
    return { now: core.clock.now() };
  },
  "GET /clock": (core) => ({ mode: core.clock.mode, now: core.clock.now() }),
  "GET /journal": (core) => core.journal.list(),
  "GET /snapshot": (core) => core.world.snapshot(core.clock.now()),
  "POST /reset": (core) => core.reset(),
};

/** What `GET /_emulator` lists: the controls, as `METHOD /_emulator/path`. */
export const CONTROL_ROUTES = Object.keys(controls).map((key) =>
  key.replace(" ", ` ${CONTROL_PREFIX}`),
);

const reply = (status: number, value: unknown): Outcome => ({
  status,
  contentType: "application/json",
  body: JSON.stringify(value ?? { ok: true }),
});

export async function handleControl(core: Core, call: IncomingCall): Promise<Outcome> {
  const sub = call.pathname.slice(CONTROL_PREFIX.length) || "/";
  if (sub === "/" && call.method === "GET") return reply(200, { controls: CONTROL_ROUTES });
  const control = controls[`${call.method} ${sub}`];
  if (!control) return reply(404, { error: `no control ${call.method} ${sub.slice(0, 100)}` });
  let body: Record<string, unknown> = {};
  if (call.method === "POST") {
    // JSON only: a form or text/plain body is what a cross-site page can send unasked.
    const type = (call.contentType ?? "").split(";")[0]?.trim().toLowerCase();
    if (type && type !== "application/json")
      return reply(415, { error: "a control takes an application/json body", field: "body" });
    let text: string;
    try {
      text = await call.text();
    } catch {
      return reply(413, { error: "the body is too large or broken off", field: "body" });
    }
    if (text !== "" && !type)
      return reply(415, { error: "a control takes an application/json body", field: "body" });
    if (text.trim() !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        return reply(400, { error: "the body is not JSON", field: "body" });
      }
      if (typeof body !== "object" || body === null || Array.isArray(body))
        return reply(400, { error: "the body must be a JSON object", field: "body" });
    }
  }
  try {
    return reply(200, control(core, body));
  } catch (error) {
    if (error instanceof EmulatorError || error instanceof TypeError)
      return reply(400, { error: error.message, field: (error as EmulatorError).field ?? null });
    throw error;
  }
}
