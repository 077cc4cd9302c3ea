#!/usr/bin/env bash
# What the compare view costs the page's first load (issue 11: at most 25 KB of gzip).
#
# Builds the web app twice with Trunk, as scripts/browser-test.sh does: as shipped, and without
# the view (cargo's `compare-view` feature off, and the CSS between the `compare-view: start`
# and `compare-view: end` markers of www/styles.css left out), then prints each first-load
# file's gzip and brotli size (the .gz/.br copies scripts/compress.mjs writes: gzip -9,
# brotli 11) in both builds and the difference. Two release builds: a few minutes.
#
#   scripts/size-of-compare.sh [OUT]      (OUT defaults to target/size-of-compare)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/size-of-compare}
scripts/setup.sh >/dev/null
. scripts/env.sh
rm -rf "$out"
mkdir -p "$out/www"

trunk build --release --dist "$out/with" >"$out/with.log" 2>&1 ||
  { tail -30 "$out/with.log"; exit 1; }

# The page without the view: its CSS section cut, the crate without the feature.
cp www/* "$out/www/"
awk '/compare-view: start/ { skip = 1 } !skip { print } /compare-view: end/ { skip = 0 }' \
  www/styles.css >"$out/www/styles.css"
manifest=$(realpath --relative-to="$out/www" Cargo.toml)
sed -i "s|href=\"../Cargo.toml\"|href=\"$manifest\"|" "$out/www/index.html"
grep -q "href=\"$manifest\"" "$out/www/index.html" || { echo "index.html: no Cargo.toml link" >&2; exit 1; }
trunk build --release --no-default-features --features app --dist "$out/without" \
  "$out/www/index.html" >"$out/without.log" 2>&1 || { tail -30 "$out/without.log"; exit 1; }

node - "$out/with" "$out/without" <<'EOF'
// Each first-load file's compressed sizes in both builds (hashed names matched by kind).
const { readdirSync, statSync } = require('node:fs');
const [withDir, withoutDir] = process.argv.slice(2);
const kinds = [['wasm', /_bg\.wasm$/], ['js glue', /^zhibiao-.*\.js$/], ['css', /\.css$/],
  ['index.html', /^index\.html$/], ['boot.js', /^boot\.js$/]];
const size = (dir, re, ext) => {
  const name = readdirSync(dir).find((n) => re.test(n));
  return name ? statSync(`${dir}/${name}${ext}`).size : 0;
};
const kb = (n) => (n / 1000).toFixed(1).padStart(7);
console.log('file         gzip with  without   cost | brotli with  without   cost');
const total = { gz: 0, br: 0 };
for (const [kind, re] of kinds) {
  const row = ['.gz', '.br'].map((ext) => [size(withDir, re, ext), size(withoutDir, re, ext)]);
  total.gz += row[0][0] - row[0][1];
  total.br += row[1][0] - row[1][1];
  console.log(`${kind.padEnd(12)} ${kb(row[0][0])} ${kb(row[0][1])} ${kb(row[0][0] - row[0][1])} |`
    + `      ${kb(row[1][0])} ${kb(row[1][1])} ${kb(row[1][0] - row[1][1])}`);
}
console.log(`compare view costs ${(total.gz / 1000).toFixed(1)} KB gzip, ${(total.br / 1000).toFixed(1)} KB brotli (1 KB = 1000 bytes)`);
EOF
