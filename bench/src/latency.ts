// Loopback latency: interleaved rounds, one call of each contender per round in a shuffled
// order, so drift on a shared machine (other processes, GC, CPU clocks) hits every row alike.
import { performance } from "node:perf_hooks";
import { seededRandom, shuffled } from "@greenspec/test-helpers";
import type { Call, Contender } from "./contenders.js";

export interface LatencyOptions {
  baseUrl: string;
  warmupRounds: number;
  rounds: number;
  seed: number;
}

/** Microseconds per call, per contender name, in measured order. */
export async function measureLatency(
  contenders: readonly Contender[],
  options: LatencyOptions,
): Promise<Map<string, number[]>> {
  const calls: { name: string; call: Call }[] = [];
  for (const contender of contenders) {
    calls.push({ name: contender.name, call: await contender.make(options.baseUrl, fetch) });
  }
  const random = seededRandom(options.seed);
  const samples = new Map(calls.map(({ name }) => [name, [] as number[]]));
  for (let round = 0; round < options.warmupRounds + options.rounds; round++) {
    const measured = round >= options.warmupRounds;
    for (const { name, call } of shuffled(calls, random)) {
      const start = performance.now();
      await call();
      const micros = (performance.now() - start) * 1000;
      if (measured) samples.get(name)?.push(micros);
    }
  }
  return samples;
}
