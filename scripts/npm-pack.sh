#!/usr/bin/env bash
# Build the npm package (js/) and pack it: the core compiled to wasm32 with the `ts` feature,
# wasm-bindgen (the version Cargo.toml pins) for Node (CommonJS) and for bundlers (ES
# modules), wasm-opt -O3, then `npm pack` into target/npm/. Prints the tarball's path.
# Both builds bind the same wasm: the Node glue loads the bundler's copy, so the package holds
# one (half the tarball).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
out=target/npm
pkg=$out/package
rm -rf "$out" && mkdir -p "$pkg"
cargo build --quiet --release --target wasm32-unknown-unknown --manifest-path js/Cargo.toml
wasm=js/target/wasm32-unknown-unknown/release/zhibiao_js.wasm
for target in nodejs bundler; do
  dir=$pkg/${target%js}
  wasm-bindgen --target "$target" --out-name zhibiao --out-dir "$dir" "$wasm"
  rm -f "$dir/.gitignore"
done
cmp -s "$pkg/node/zhibiao_bg.wasm" "$pkg/bundler/zhibiao_bg.wasm" \
  || { echo "npm-pack: the two builds' wasm differ" >&2; exit 1; }
rm "$pkg/node/zhibiao_bg.wasm" "$pkg/node/zhibiao_bg.wasm.d.ts"
wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$pkg/bundler/zhibiao_bg.wasm" -o "$pkg/bundler/zhibiao_bg.wasm"
sed -i 's|`${__dirname}/zhibiao_bg.wasm`|`${__dirname}/../bundler/zhibiao_bg.wasm`|' "$pkg/node/zhibiao.js"
grep -q '/../bundler/zhibiao_bg.wasm' "$pkg/node/zhibiao.js" \
  || { echo "npm-pack: the Node glue no longer names its wasm as expected" >&2; exit 1; }
cp js/package.json js/README.md "$pkg/"
(cd "$out" && npm pack --silent ./package >/dev/null)
ls "$PWD/$out"/zhibiao-*.tgz
