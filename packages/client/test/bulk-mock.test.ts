import { expect, inject, it } from "vitest";
import { createGreenApi, rateLimits } from "../src/bulk-client.js";

const LIMIT = rateLimits.addGroupParticipant ?? 0;

it("adds 100 people against the contract mock, every request valid and paced", async () => {
  const sent: number[] = [];
  const api = createGreenApi({
    idInstance: "1101000001",
    apiTokenInstance: "YOUR_TOKEN",
    apiUrl: inject("mockUrl"),
    // Count what leaves the client: Prism cannot say how fast it was called.
    fetch: (input, init) => {
      sent.push(performance.now());
      return fetch(input, init);
    },
  });
  const participants = Array.from({ length: 100 }, (_, i) =>
    i % 2 === 0
      ? { participantChatId: `${79001230000 + i}@c.us` }
      : { participantPhone: 79001230000 + i },
  );
  const started = performance.now();
  const result = await api.addGroupParticipants({
    groupId: "79001234567-1587570015@g.us",
    participants,
  });
  const seconds = (performance.now() - started) / 1000;

  // Prism refuses a body that breaks the spec: every call passing proves each one valid.
  expect(result.counts).toEqual({
    added: 100,
    notAdded: 0,
    failed: 0,
    duplicates: 0,
    notAttempted: 0,
  });
  expect(sent).toHaveLength(100);
  const peak = Math.max(...sent.map((t) => sent.filter((u) => u >= t && u < t + 1000).length));
  expect(peak).toBeLessThanOrEqual(LIMIT);
  console.log(
    `bulk against Prism: 100 participants in ${seconds.toFixed(2)} s, peak ${peak} requests in any 1000 ms`,
  );
}, 60_000);
