// The retry loop on its own, with scripted outcomes instead of HTTP (as stripe-node tests its
// retry decisions): what it repeats, how often, within which deadline, and what it throws.
import { describe, expect, it } from "vitest";
import { GreenApiError, type GreenApiErrorDetails } from "../src/index.js";
import { type RetryPlan, withRetries } from "../src/retry.js";

type Outcome = { value: unknown } | GreenApiError;

const errorOf = (details: GreenApiErrorDetails) =>
  new GreenApiError(details.kind, { ...details, operation: "createGroup", attempts: 1 });
const answered = { description: "", url: "" };
const lost = () => errorOf({ kind: "network", url: "" });
const refused = () => errorOf({ kind: "network", url: "", connectFailed: true });
const gateway = () => errorOf({ kind: "server", status: 502, ...answered });
const starting = () => errorOf({ kind: "instance-starting", status: 400, ...answered });
const limited = (retryAfter?: number) =>
  errorOf({ kind: "rate-limited", status: 429, retryAfter, ...answered });
const timedOut = () => errorOf({ kind: "timeout", url: "", timeout: 1 });

/** Runs the loop over scripted outcomes (the last repeats); counts sends and told retries. */
async function run(script: (() => Outcome)[], plan: Partial<RetryPlan> = {}) {
  const timeouts: number[] = [];
  const told: number[] = [];
  const send = async (timeout: number) => {
    timeouts.push(timeout);
    return (script[Math.min(timeouts.length, script.length) - 1] as () => Outcome)();
  };
  const result = await withRetries(send, {
    idempotent: true,
    retry: { attempts: 3, baseDelay: 1, maxDelay: 2, deadline: 5_000 },
    timeout: 1_000,
    onRetry: ({ attempt }) => told.push(attempt),
    aborted: (attempts) =>
      new GreenApiError("aborted", { kind: "aborted", operation: "createGroup", attempts }),
    ...plan,
  }).then(
    (value): { value?: unknown; error?: GreenApiError } => ({ value }),
    (error: GreenApiError) => ({ error }),
  );
  return { ...result, sends: timeouts.length, timeouts, told };
}

const ok = () => ({ value: "done" });

describe("an operation that is safe to repeat", () => {
  it("is repeated after a lost connection and a 502, then resolves", async () => {
    const outcome = await run([lost, gateway, ok]);
    expect(outcome).toMatchObject({ value: "done", sends: 3, told: [1, 2] });
  });

  it("gives up after `attempts` sends with the last error, its attempts counted", async () => {
    const outcome = await run([gateway]);
    expect(outcome.sends).toBe(3);
    expect(outcome.error?.attempts).toBe(3);
  });

  it("is not repeated after a timeout", async () => {
    expect((await run([timedOut])).sends).toBe(1);
  });
});

describe("an operation that is not safe to repeat", () => {
  const unsafe = { idempotent: false };
  for (const [name, failure] of [
    ["a lost connection", lost],
    ["a 502", gateway],
    ["a timeout", timedOut],
  ] as const)
    it(`is sent once after ${name}`, async () => {
      const outcome = await run([failure, ok], unsafe);
      expect(outcome.sends).toBe(1);
      expect(outcome.error?.kind).toBe(failure().kind);
    });

  for (const [name, failure] of [
    ["a refused connection", refused],
    ["a starting instance", starting],
    ["a 429", () => limited()],
  ] as const)
    it(`is repeated after ${name} (proof it was not carried out)`, async () => {
      expect(await run([failure, ok], unsafe)).toMatchObject({ value: "done", sends: 2 });
    });
});

describe("deadline, waits and cancellation", () => {
  it("waits Retry-After when the answer gives one", async () => {
    const started = Date.now();
    await run([() => limited(200), ok]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("gives up at once when the wait would pass the deadline", async () => {
    const started = Date.now();
    const outcome = await run([() => limited(10_000)], {
      retry: { attempts: 5, baseDelay: 1, maxDelay: 2, deadline: 1_000 },
    });
    expect(outcome.sends).toBe(1);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("gives each attempt at most what the deadline leaves", async () => {
    const outcome = await run([gateway], {
      timeout: 10_000,
      retry: { attempts: 2, baseDelay: 1, maxDelay: 1, deadline: 300 },
    });
    expect(outcome.timeouts[0]).toBeLessThanOrEqual(300);
    expect(outcome.timeouts[1]).toBeLessThanOrEqual(300);
  });

  it("sends once with retry false", async () => {
    expect((await run([gateway, ok], { retry: false })).sends).toBe(1);
  });

  it("sends nothing when the signal is already aborted, and says so", async () => {
    const outcome = await run([ok], { signal: AbortSignal.abort() });
    expect(outcome.sends).toBe(0);
    expect(outcome.error?.kind).toBe("aborted");
    expect(outcome.error?.attempts).toBe(0);
  });

  it("waits for its turn before each send when paced", async () => {
    const turns: number[] = [];
    const outcome = await run([gateway, ok], {
      pace: async () => {
        turns.push(Date.now());
      },
    });
    expect(turns).toHaveLength(outcome.sends);
  });

  it("ignores an onRetry that throws", async () => {
    const outcome = await run([lost, ok], {
      onRetry: () => {
        throw new Error("logger broke");
      },
    });
    expect(outcome).toMatchObject({ value: "done", sends: 2 });
  });
});
