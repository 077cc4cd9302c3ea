#!/usr/bin/env bash
# Install what the build and the tests need, and only what is missing: the wasm32 target,
# Trunk 0.21, wasm-bindgen-cli of the exact version Cargo.toml pins, wasm-opt (binaryen 132
# from npm, into .tools/), Debian's Chromium and a Chinese font, and the browser tests' npm
# packages.
# Idempotent and quick when everything is there; prints what it installs.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)

say() { echo "setup: $*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  say "installing binaryen $BINARYEN_VERSION (wasm-opt) into .tools/"
  mkdir -p .tools
  npm install --silent --no-audit --no-fund --prefix .tools "binaryen@$BINARYEN_VERSION"
fi

if ! python3 -c 'import opencc' 2>/dev/null; then
  say "installing opencc from PyPI (the metamorphic check's Traditional rewrite)"
  pip install --quiet opencc || say "opencc not installed: the Traditional rewrite is skipped"
fi

# Chinese glyphs for the browser tests' screenshots (without a CJK font they show boxes).
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  say "installing a Chinese font (fonts-wqy-zenhei) from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-zenhei >/dev/null
fi

if [ ! -x /usr/bin/chromium ]; then
  say "installing chromium from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if [ ! -d tests/browser/node_modules/playwright-core ] \
  || [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
  say "installing the browser tests' npm packages"
  (cd tests/browser && npm ci --silent --no-audit --no-fund)
fi
