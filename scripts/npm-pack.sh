#!/usr/bin/env bash
# Build the npm package (js/) and pack it: the core compiled to wasm32 with the `ts` feature,
# wasm-bindgen (the version Cargo.toml pins) for Node (CommonJS) and for bundlers (ES
# modules), wasm-opt -O3 on each, then `npm pack` into target/npm/. Prints the tarball's path.
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
  wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$dir/zhibiao_bg.wasm" -o "$dir/zhibiao_bg.wasm"
  rm -f "$dir/.gitignore"
done
cp js/package.json js/README.md "$pkg/"
(cd "$out" && npm pack --silent ./package >/dev/null)
ls "$PWD/$out"/zhibiao-*.tgz
