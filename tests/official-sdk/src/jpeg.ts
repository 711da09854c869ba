// The smallest bytes the emulator takes as a JPEG (its signature), written to a file because the
// official SDKs upload a picture from a path.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const JPEG_BYTES = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46,
]);

/** A JPEG file in a fresh temp folder, named as given. */
export function jpegFile(name = "avatar.jpg"): string {
  const path = join(mkdtempSync(join(tmpdir(), "greenspec-sdk-")), name);
  writeFileSync(path, JPEG_BYTES);
  return path;
}
