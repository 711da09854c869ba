// The request body from parsed flags: the spec's field names, files read into Blobs.
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { SpecCommand } from "./commands.js";
import { UsageError } from "./exit-codes.js";
import { optionKey } from "./flags.js";

export async function bodyFrom(
  spec: SpecCommand,
  values: Record<string, unknown>,
): Promise<Record<string, unknown> | undefined> {
  // An operation without a body (a GET) has no flags for one, and sends none.
  if (spec.operation.request === undefined) return undefined;
  const body: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const value = values[optionKey(field)];
    if (value === undefined) continue;
    if (field.kind === "file") {
      const path = String(value);
      const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(
          `--${field.flag}: cannot read ${path} (${error.code ?? error.message})`,
        );
      });
      body[field.name] = new File([bytes], basename(path), { type: field.mediaType ?? "" });
    } else {
      body[field.name] = value;
    }
  }
  return body;
}
