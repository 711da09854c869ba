// Decompresses an answer's copy for checking, never past the body limit: a small compressed
// answer can expand a thousandfold (a 1.6 kB brotli body to 1 GiB).
import { promisify } from "node:util";
import { brotliDecompress, gunzip, inflate, type ZlibOptions } from "node:zlib";
import { BODY_LIMIT_BYTES } from "./request-body.js";

type Inflate = (bytes: Buffer, options: ZlibOptions) => Promise<Buffer>;

const decompressors: Record<string, Inflate> = {
  gzip: promisify(gunzip) as Inflate,
  "x-gzip": promisify(gunzip) as Inflate,
  deflate: promisify(inflate) as Inflate,
  br: promisify(brotliDecompress) as Inflate,
};

export class InflatesTooLarge extends Error {
  constructor(limit: number) {
    super(`the answer decompresses to more than ${limit} bytes and was passed on unchecked`);
  }
}

/** The bytes decoded per Content-Encoding (unknown codings as they are), at most `limit`. */
export async function inflateBounded(
  bytes: Buffer,
  contentEncoding: string | string[] | undefined,
  limit = BODY_LIMIT_BYTES,
): Promise<Buffer> {
  const coding = String(contentEncoding ?? "")
    .trim()
    .toLowerCase();
  const decompress = decompressors[coding];
  if (!decompress) return bytes;
  try {
    return await decompress(bytes, { maxOutputLength: limit });
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
      throw new InflatesTooLarge(limit);
    }
    throw error;
  }
}
