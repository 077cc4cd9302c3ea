// Trunk post-build step (scripts/post-build.mjs): a `.gz` and a `.br` copy beside every file a
// browser loads, for static hosts that serve precompressed files (nginx gzip_static and
// brotli_static, Caddy's precompressed, most CDNs' upload tools). Integrity hashes hold on the
// decoded bytes, so the copies need none of their own.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('compress.mjs: TRUNK_STAGING_DIR is not set (run it as a Trunk hook)');
  process.exit(1);
}

/** What a browser fetches: text and wasm. Images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.txt']);

function* files(folder) {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.has(extname(name))) yield path;
  }
}

const total = { raw: 0, gzip: 0, brotli: 0, count: 0 };
for (const path of [...files(dir)]) {
  const bytes = readFileSync(path);
  const gz = gzipSync(bytes, { level: 9 });
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  writeFileSync(`${path}.gz`, gz);
  writeFileSync(`${path}.br`, br);
  total.raw += bytes.length;
  total.gzip += gz.length;
  total.brotli += br.length;
  total.count += 1;
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(
  `compress.mjs: ${total.count} files, ${kb(total.raw)} raw, ${kb(total.gzip)} gzip, ${kb(total.brotli)} brotli`,
);
