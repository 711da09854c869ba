// Waits on something another process or the event loop brings about, never past a deadline.

/** Polls `condition` every `everyMs` until it holds or `withinMs` ran out; says which. */
export async function waitFor(
  condition: () => boolean,
  withinMs: number,
  everyMs = 10,
): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return true;
}
