// Trunk post-build step (scripts/post-build.mjs): writes the Subresource Integrity hashes of the files
// Trunk copies as they are (boot.js, worker.js) into index.html, in place of the
// `sri-FILE` placeholders of `pattern_script`. Trunk hashes its own outputs (js, wasm, css).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('sri.mjs: TRUNK_STAGING_DIR is not set (run it as a Trunk hook)');
  process.exit(1);
}
const index = join(dir, 'index.html');
let html = readFileSync(index, 'utf8');
let count = 0;
html = html.replace(/sri-([\w.-]+\.js)/g, (_, name) => {
  count += 1;
  const digest = createHash('sha384').update(readFileSync(join(dir, name))).digest('base64');
  return `sha384-${digest}`;
});
if (count === 0) {
  console.error('sri.mjs: no sri-FILE placeholder in index.html');
  process.exit(1);
}
writeFileSync(index, html);
