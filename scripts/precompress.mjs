// Writes a brotli (.br) and a gzip (.gz) copy beside each text file of a built web app (the H5 build), so
// the Node host serves them by Accept-Encoding without compressing per request (api/src/hosts/node/static-files.ts).
// A copy is written only when it is smaller than the file; copies left from an earlier build are replaced.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const COMPRESSIBLE = /\.(?:js|mjs|css|html|json|svg|txt|xml|webmanifest|ttf|otf|map)$/i;
/** Below this a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 256;

/**
 * @param {string} dir
 * @returns {{ files: number, bytes: number, br: number, gzip: number }}
 */
export function precompressDir(dir) {
  const totals = { files: 0, bytes: 0, br: 0, gzip: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = precompressDir(path);
      for (const k of Object.keys(totals)) totals[k] += sub[k];
      continue;
    }
    if (!COMPRESSIBLE.test(entry.name)) continue;
    const data = readFileSync(path);
    for (const suffix of [".br", ".gz"]) rmSync(path + suffix, { force: true });
    if (data.length < MIN_BYTES) continue;
    const br = brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
    const gz = gzipSync(data, { level: 9 });
    totals.files++;
    totals.bytes += data.length;
    totals.br += Math.min(br.length, data.length);
    totals.gzip += Math.min(gz.length, data.length);
    if (br.length < data.length) writeFileSync(`${path}.br`, br);
    if (gz.length < data.length) writeFileSync(`${path}.gz`, gz);
  }
  return totals;
}

// CLI: `node scripts/precompress.mjs <dir>`
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2];
  if (!dir || !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error("usage: node scripts/precompress.mjs <dir>");
    process.exit(2);
  }
  const t = precompressDir(dir);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`precompressed ${t.files} files in ${dir}: ${kb(t.bytes)} → br ${kb(t.br)}, gzip ${kb(t.gzip)}`);
}
