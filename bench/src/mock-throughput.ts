// The mock's sustained throughput: a fixed number of valid addGroupParticipant requests sent to
// Prism (its own process) by N concurrent keep-alive clients on loopback.
import { Agent } from "node:http";
import { performance } from "node:perf_hooks";
import { BODY, OPERATION_PATH } from "./fixtures.js";
import { post } from "./http-post.js";
import { summarize } from "./stats.js";

export interface ThroughputOptions {
  concurrency: number;
  requests: number;
  /** Stop early past this, so a slow mock cannot stall the run. */
  maxSeconds: number;
}

export interface ThroughputResult {
  concurrency: number;
  completed: number;
  failed: number;
  seconds: number;
  requestsPerSecond: number;
  /** Per-request latency in milliseconds. */
  latencyMs: ReturnType<typeof summarize>;
  stoppedEarly: boolean;
}

const PAYLOAD = Buffer.from(JSON.stringify(BODY));

export async function measureThroughput(
  baseUrl: string,
  options: ThroughputOptions,
): Promise<ThroughputResult> {
  const url = new URL(OPERATION_PATH, baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  let issued = 0;
  let failed = 0;
  let stoppedEarly = false;
  const start = performance.now();
  const deadline = start + options.maxSeconds * 1000;
  const worker = async () => {
    while (issued < options.requests) {
      if (performance.now() > deadline) {
        stoppedEarly = true;
        return;
      }
      issued++;
      const sent = performance.now();
      const status = await post(agent, url, PAYLOAD).catch(() => 0);
      latencies.push(performance.now() - sent);
      if (status !== 200) failed++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return {
    concurrency: options.concurrency,
    completed: latencies.length,
    failed,
    seconds,
    requestsPerSecond: (latencies.length - failed) / seconds,
    latencyMs: summarize(latencies),
    stoppedEarly,
  };
}
