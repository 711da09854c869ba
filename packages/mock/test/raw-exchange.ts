// How the fuzz suites send their raw requests (exchangeRaw, from @greenspec/test-helpers): how
// long an answer may take, and how many go at once.

export const ANSWER_WITHIN_MS = 5000;

/** Runs `run` over `items`, `limit` at a time, keeping their order. */
export async function inParallel<T, R>(
  items: T[],
  limit: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await run(items[index] as T);
      }
    }),
  );
  return results;
}
