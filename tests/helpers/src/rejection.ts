// What a promise rejected with, checked to be of the class a test expects.

/** The error `promise` rejects with; fails when it resolves or rejects with another kind. */
export async function rejectionOf<E>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof type)) {
    throw new Error(`expected a rejection with ${type.name}, got ${String(error)}`);
  }
  return error;
}
