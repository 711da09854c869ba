// Precompressed copies of the site's text files (.br and .gz beside each), which the static
// server picks by Accept-Encoding; any static host that serves precompressed files can too.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const TEXT = new Set([".html", ".js", ".css", ".json", ".yaml", ".svg", ".ico"]);

/**
 * Writes file.br and file.gz for every text file under a folder; returns the bytes per file.
 * @param {string} dir
 * @returns {Map<string, { raw: number, br: number, gzip: number }>}
 */
export function precompress(dir) {
  const sizes = new Map();
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const file = join(dir, name);
    if (!TEXT.has(extname(file)) || !statSync(file).isFile()) continue;
    const content = readFileSync(file);
    const br = brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    });
    const gzip = gzipSync(content, { level: 9 });
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gzip);
    sizes.set(name, { raw: content.length, br: br.length, gzip: gzip.length });
  }
  return sizes;
}
