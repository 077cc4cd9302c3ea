#!/usr/bin/env bash
# Build the web app (dist/) and the CLI, then run the browser tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/env.sh
trunk build --release
cargo build --release --quiet --bin zhibiao
cd tests/browser
node --test --test-concurrency=1 app.test.mjs
