// Waits for a line a child process prints, such as the URL a server says it listens on.
import type { ChildProcess } from "node:child_process";

/**
 * The first capture of `pattern` in what `child` has printed on stdout; rejects, quoting what it
 * printed, when the child exits first or `withinMs` passes.
 */
export function printed(child: ChildProcess, pattern: RegExp, withinMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    const done = (settle: () => void) => {
      clearTimeout(timer);
      child.stdout?.off("data", check);
      child.off("exit", exited);
      settle();
    };
    const check = (chunk: Buffer | string) => {
      out += String(chunk);
      const found = pattern.exec(out)?.[1];
      if (found !== undefined) done(() => resolve(found));
    };
    const exited = (code: number | null) =>
      done(() => reject(new Error(`exited (code ${code}) before printing ${pattern}: ${out}`)));
    const timer = setTimeout(
      () => done(() => reject(new Error(`printed no ${pattern} within ${withinMs} ms: ${out}`))),
      withinMs,
    );
    child.stdout?.setEncoding("utf8").on("data", check);
    child.once("exit", exited);
  });
}
