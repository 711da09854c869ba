/** A control call (addInstance, fail, ...) given something it cannot use; nothing was changed. */
export class EmulatorError extends Error {
  override readonly name = "EmulatorError";
  constructor(
    message: string,
    /** The argument that was wrong, such as `idInstance` or `times`. */
    readonly field: string,
  ) {
    super(message);
  }
}
