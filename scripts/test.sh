#!/usr/bin/env bash
# Every test of the project, as CI runs it: formatting, lints for both targets, the native
# tests, a short bounded fuzzing session (libFuzzer, scripts/fuzz.sh), the accuracy ratchet on
# the seed gold, the Python and npm packages over their built wheel and tarball, and the
# browser tests in headless Chromium.
# Installs what is missing first (scripts/setup.sh), so it runs on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# shellcheck source=scripts/env.sh
. scripts/env.sh
step() { printf '\n== %s\n' "$*"; }
step "format";        for m in Cargo.toml {fuzz,python,js}/Cargo.toml; do cargo fmt --check --manifest-path "$m"; done
step "lint, native";  cargo clippy --all-targets -- -D warnings
step "lint, wasm32";  cargo clippy --target wasm32-unknown-unknown --all-features -- -D warnings
step "lint, packages" # the Python module natively, the npm module for wasm32
cargo clippy --manifest-path python/Cargo.toml -- -D warnings
cargo clippy --manifest-path js/Cargo.toml --target wasm32-unknown-unknown -- -D warnings
step "native tests";  cargo test --release
step "fuzz"          # one command a line: `set -e` does not stop on the left side of `&&`
scripts/fuzz.sh 60 analyze
scripts/fuzz.sh 30 html
scripts/fuzz.sh 30 scale
step "accuracy";      scripts/score.sh
step "python package"; scripts/python-test.sh
step "npm package";   scripts/npm-test.sh
step "browser tests"; scripts/browser-test.sh
