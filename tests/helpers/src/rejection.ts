// What a promise rejected with, checked to be of the class a test expects.

/** The error `promise` rejects with; fails when it resolves or rejects with another kind. */
export async function rejectionOf<E>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
): Promise<E> {
  const outcome = await promise.then(
    (value: unknown) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!("error" in outcome)) {
    throw new Error(`expected a rejection with ${type.name}, got ${JSON.stringify(outcome.value)}`);
  }
  if (!(outcome.error instanceof type)) {
    throw new Error(`expected a rejection with ${type.name}, got ${String(outcome.error)}`);
  }
  return outcome.error;
}
