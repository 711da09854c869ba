// The smallest bytes the emulator takes as a JPEG (its signature), written to a file because the
// official SDKs upload a picture from a path.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const JPEG_BYTES = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46,
]);

/** Runs `use` with the path of a JPEG file in a fresh temp folder, removed afterwards. */
export async function withJpegFile<T>(use: (path: string) => Promise<T>): Promise<T> {
  const folder = mkdtempSync(join(tmpdir(), "greenspec-sdk-"));
  try {
    const path = join(folder, "avatar.jpg");
    writeFileSync(path, JPEG_BYTES);
    return await use(path);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
