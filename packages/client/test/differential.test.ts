import fc from "fast-check";
import { expect, inject, it } from "vitest";
import { createGreenApi, GreenApiError, type OperationId, operations } from "../src/index.js";

const MOCK = inject("mockUrl");
const BODIES = 1_000;
const CONCURRENCY = 8;
const SEED = 20_240_601;

// The operations whose body is a oneOf of participant fields, found from the generated table.
const participantOps = (Object.keys(operations) as OperationId[]).filter(
  (id) => "exactlyOneOf" in operations[id] && "phoneAlias" in operations[id],
);

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });
/** A run of digits with no leading zero, `min` to `max` long. */
const number = (min: number, max: number) =>
  fc
    .tuple(fc.constantFrom(..."123456789"), digits(min - 1, max - 1))
    .map(([first, rest]) => first + rest);

// Mostly well-formed values (so both verdicts are common), with near misses and wrong types.
const groupId = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(number(7, 15), number(9, 11))
      .map(([phone, time]) => `${phone}-${time}@g.us`),
  },
  { weight: 5, arbitrary: number(15, 20).map((run) => `${run}@g.us`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(number(4, 17), number(7, 13))
      .map(([phone, time]) => `${phone}-${time}@g.us`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(digits(1, 22), fc.constantFrom("@G.US", "@g.us ", "", "@c.us", "@lid"))
      .map(([a, b]) => a + b),
  },
  { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.constant(null)) },
);
const chatId = fc.oneof(
  { weight: 10, arbitrary: number(7, 15).map((run) => `${run}@c.us`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(digits(4, 17), fc.constantFrom("@c.us", "@g.us", "@lid", "", "@c.usx"))
      .map(([a, b]) => a + b),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.string({ maxLength: 25 }),
      fc.integer({ min: 1_000_000, max: 999_999_999_999_999 }),
      fc.constant(null),
    ),
  },
);
const phone = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: 1_000_000, max: 999_999_999_999_999 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      0,
      -1,
      999_999,
      1_000_000,
      999_999_999_999_999,
      1_000_000_000_000_000,
      2 ** 53 - 1,
      2 ** 53 + 2,
      1e21,
      -0,
    ),
  },
  { weight: 1, arbitrary: fc.double({ min: -1e17, max: 1e17, noNaN: true }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1_000_000, max: 999_999_999_999 }).map((n) => n + 0.5),
  },
  { weight: 1, arbitrary: fc.oneof(digits(7, 15), fc.boolean(), fc.constant(null)) },
);
const extraKeys = fc.dictionary(
  fc
    .string({ minLength: 1, maxLength: 12 })
    .filter((k) => !["groupId", "participantChatId", "participantPhone"].includes(k)),
  fc.jsonValue({ maxDepth: 1 }),
  { minKeys: 1, maxKeys: 2 },
);
const body = fc.oneof(
  { weight: 30, arbitrary: fc.record({ groupId, participantChatId: chatId }) },
  { weight: 30, arbitrary: fc.record({ groupId, participantPhone: phone }) },
  {
    weight: 8,
    arbitrary: fc.record({ groupId, participantChatId: chatId, participantPhone: phone }),
  },
  {
    weight: 8,
    arbitrary: fc.record(
      { groupId, participantChatId: chatId, participantPhone: phone },
      { requiredKeys: [] },
    ),
  },
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        fc.oneof(
          fc.record({ groupId, participantChatId: chatId }),
          fc.record({ groupId, participantPhone: phone }),
        ),
        extraKeys,
      )
      .map(([known, extra]) => ({ ...extra, ...known })),
  },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.constant(null),
      fc.array(fc.integer(), { maxLength: 2 }),
      fc.string(),
      fc.integer(),
    ),
  },
);

/** Prism's verdict, from a raw POST of the body's JSON. */
async function prismVerdict(id: OperationId, value: unknown): Promise<boolean> {
  const response = await fetch(`${MOCK}/waInstance1101000001/${id}/YOUR_TOKEN`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(value),
  });
  await response.arrayBuffer();
  if (response.status === 200) return true;
  if (response.status === 400 && response.headers.get("sl-violations")) return false;
  throw new Error(`Prism answered ${response.status} to ${JSON.stringify(value)}`);
}

const api = createGreenApi({
  idInstance: "1101000001",
  apiTokenInstance: "YOUR_TOKEN",
  apiUrl: MOCK,
  retry: false,
});

/** The client's verdict: does the call get past local validation? (It then goes to Prism.) */
async function clientVerdict(id: OperationId, value: unknown): Promise<boolean> {
  const call = (api as unknown as Record<string, (b: unknown) => Promise<unknown>>)[id] as (
    b: unknown,
  ) => Promise<unknown>;
  try {
    await call(value);
    return true;
  } catch (error) {
    if (error instanceof GreenApiError && error.kind === "validation") return false;
    // Sent, and Prism refused it: the client let through what the mock calls invalid.
    if (error instanceof GreenApiError && error.kind === "bad-request") return true;
    throw error;
  }
}

async function pool<T>(items: T[], run: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++] as T);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

it("finds the participant operations in the generated table", () => {
  expect(participantOps.length).toBeGreaterThanOrEqual(1);
  expect(participantOps).toContain("addGroupParticipant");
});

for (const [index, id] of participantOps.entries()) {
  it(`${id}: the local validator and Prism agree on ${BODIES} generated bodies`, async () => {
    const bodies = fc.sample(body, { numRuns: BODIES, seed: SEED + index });
    const disagreements: string[] = [];
    let valid = 0;
    await pool(bodies, async (value) => {
      // One request in flight per worker: CONCURRENCY requests at a time in all.
      const local = await clientVerdict(id, value);
      const prism = await prismVerdict(id, value);
      if (local) valid++;
      if (local !== prism)
        disagreements.push(
          `client ${local ? "accepts" : "rejects"}, Prism ${prism ? "accepts" : "rejects"}: ${JSON.stringify(value)}`,
        );
    });
    console.log(
      `${id}: ${bodies.length} bodies (${valid} valid, ${bodies.length - valid} invalid), ${disagreements.length} disagreements`,
    );
    expect(bodies).toHaveLength(BODIES);
    // Both verdicts must be well represented for the comparison to mean something.
    expect(valid).toBeGreaterThan(BODIES / 10);
    expect(bodies.length - valid).toBeGreaterThan(BODIES / 10);
    expect(disagreements.slice(0, 10)).toEqual([]);
  }, 180_000);
}
