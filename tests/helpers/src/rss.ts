// A process's resident memory, as Linux reports it, for soak tests and benchmarks.
import { readFileSync } from "node:fs";

/** The resident set size of process `pid`, in bytes (from /proc: Linux only). */
export function rssOf(pid: number): number {
  const kB = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kB) * 1024;
}
