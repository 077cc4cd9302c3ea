#!/bin/sh
# Build the web app and serve it at http://127.0.0.1:8080/ (rebuilds on changes).
# Release mode by default (the shipped size and speed); `scripts/serve.sh --dev` for a quick
# debug build.
set -eu
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/env.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
if [ "${1:-}" = "--dev" ]; then
  exec trunk serve
fi
exec trunk serve --release
