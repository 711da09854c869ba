// Client overhead without a network: every contender sends through a stub fetch that answers
// at once with a canned Response, so what is left is the client's own work per call.
import { performance } from "node:perf_hooks";
import { seededRandom, shuffled } from "@greenspec/test-helpers";
import type { Call, Contender, FetchLike } from "./contenders.js";
import { ANSWER } from "./fixtures.js";

export interface OverheadOptions {
  warmupBatches: number;
  batches: number;
  callsPerBatch: number;
  seed: number;
}

/** Base URL of the stub runs: a `.invalid` host never resolves, should a call get past the stub. */
export const STUB_BASE_URL = "http://stub.invalid";
const ANSWER_HEADERS = { "content-type": "application/json", "content-length": `${ANSWER.length}` };

/** A fetch that never touches the network: a fresh canned 200 per call (a body reads once). */
export const stubFetch: FetchLike = async () =>
  new Response(ANSWER, { status: 200, headers: ANSWER_HEADERS });

/** Microseconds per call, one sample per batch, per contender name. */
export async function measureOverhead(
  contenders: readonly Contender[],
  options: OverheadOptions,
): Promise<Map<string, number[]>> {
  const calls: { name: string; call: Call }[] = [];
  for (const contender of contenders) {
    calls.push({ name: contender.name, call: await contender.make(STUB_BASE_URL, stubFetch) });
  }
  const random = seededRandom(options.seed);
  const samples = new Map(calls.map(({ name }) => [name, [] as number[]]));
  for (let batch = 0; batch < options.warmupBatches + options.batches; batch++) {
    for (const { name, call } of shuffled(calls, random)) {
      const start = performance.now();
      for (let i = 0; i < options.callsPerBatch; i++) await call();
      const microsPerCall = ((performance.now() - start) * 1000) / options.callsPerBatch;
      if (batch >= options.warmupBatches) samples.get(name)?.push(microsPerCall);
    }
  }
  return samples;
}
