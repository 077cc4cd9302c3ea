#!/usr/bin/env bash
# The npm package's tests: pack it (scripts/npm-pack.sh), then `node --test` installs the
# tarball offline into an empty folder and uses it from there (js/tests/). TypeScript (for
# `tsc --noEmit` on a usage file) is installed into .tools/ when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
TYPESCRIPT_VERSION=5.9.3
if ! tsc --version 2>/dev/null | grep -q "Version $TYPESCRIPT_VERSION"; then
  echo "npm-test: installing typescript $TYPESCRIPT_VERSION into .tools/"
  mkdir -p .tools
  npm install --silent --no-audit --no-fund --prefix .tools "typescript@$TYPESCRIPT_VERSION"
fi
tarball=$(scripts/npm-pack.sh)
echo "npm-test: $tarball, $(du -k "$tarball" | cut -f1) KB"
ZHIBIAO_NPM_TARBALL=$tarball ZHIBIAO_CLI=${ZHIBIAO_CLI:-$PWD/target/release/zhibiao} \
  TSC=$(command -v tsc) node --test js/tests/
