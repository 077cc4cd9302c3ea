#!/bin/sh
# Build dist/ in release mode and run the headless Chromium tests against it.
# Exits non-zero when a build step or a test fails. Screenshots go to tests/browser/artifacts/.
set -eu
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/env.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
trunk build --release
# The tests compare the app's JSON export with the CLI's output; build the CLI up front.
cargo build --release --quiet
cd tests/browser
exec node --test --test-concurrency=1 --test-reporter=spec app.test.mjs
