// The exit codes scripts rely on, and the error that means "bad input" (exit 2).

export const EXIT_OK = 0;
/** The service said no (a `false` answer, an error answer), or some entries of a bulk add failed. */
export const EXIT_REFUSED = 1;
/** Bad input or usage, including a request the client's validator refused before sending. */
export const EXIT_USAGE = 2;

/** Bad input found before or instead of a request: exits with EXIT_USAGE. */
export class UsageError extends Error {
  override name = "UsageError";
}
