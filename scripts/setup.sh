#!/bin/sh
# Installs what the web build and the browser tests need, and only what is missing:
# the wasm32 target, trunk, wasm-bindgen-cli (the version Cargo.toml pins), wasm-opt
# (binaryen from npm, into .tools/), Chromium and its driver plus a CJK font (apt), and the
# browser tests' npm packages. Safe to run again; quick when everything is there.
set -eu
cd "$(dirname "$0")/.."
. scripts/env.sh

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\{0,1\}\([0-9.]*\)".*/\1/p' Cargo.toml)
[ -n "$BINDGEN_VERSION" ] || { echo "setup: no wasm-bindgen version in Cargo.toml" >&2; exit 1; }

say() { echo "setup: $*"; }
has_version() { # command, expected text in its --version
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"
}

apt_missing=""
for pkg in chromium chromium-driver fonts-wqy-microhei; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
    apt_missing="$apt_missing $pkg"
done
command -v npm >/dev/null 2>&1 || apt_missing="$apt_missing nodejs npm"
if [ -n "$apt_missing" ]; then
  say "installing$apt_missing (apt)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $apt_missing
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! has_version trunk "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (cargo install, a few minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! has_version wasm-bindgen "wasm-bindgen $BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $BINDGEN_VERSION (cargo install)"
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION"
fi

if ! has_version "$PWD/.tools/node_modules/.bin/wasm-opt" "version ${BINARYEN_VERSION%%.*}"; then
  say "installing binaryen $BINARYEN_VERSION into .tools/ (npm)"
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION"
fi

lock=tests/browser/package-lock.json
stamp=tests/browser/node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ "$lock" -nt "$stamp" ]; then
  say "installing the browser tests' npm packages (npm ci)"
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi
