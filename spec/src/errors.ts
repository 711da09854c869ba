/** A spec the model cannot read: a dangling or cyclic `$ref`, a malformed extension, ... */
export class SpecModelError extends Error {
  override name = "SpecModelError";
  /** The JSON pointer (`#/paths/...`) of the node at fault. */
  readonly pointer: string;

  constructor(message: string, pointer: string) {
    super(`${message} (at ${pointer})`);
    this.pointer = pointer;
  }
}
