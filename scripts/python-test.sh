#!/usr/bin/env bash
# The Python package's tests: build the abi3 wheel with maturin, install it into a fresh
# virtual environment (with pytest, pandas and dask), run python/tests against it.
# Tools live in .tools/py (made here when missing); the corpus comes from ZHIBIAO_CORPUS or
# ../shared/corpus, the CLI from target/release/zhibiao (tests needing them skip otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
ROOT=$PWD
TOOLS=.tools/py
PYTHON=${PYTHON:-python3}
TEST_DEPS=(pytest pandas "dask[dataframe]")

if [ ! -x "$TOOLS/bin/maturin" ]; then
  echo "python-test: installing maturin into $TOOLS"
  "$PYTHON" -m venv "$TOOLS"
  "$TOOLS/bin/pip" install --quiet --disable-pip-version-check "maturin>=1.7,<2"
fi

rm -rf target/wheels
(cd python && "$ROOT/$TOOLS/bin/maturin" build --release --quiet --out "$ROOT/target/wheels")
wheel=$(ls target/wheels/zhibiao-*-abi3-*.whl)
echo "python-test: $wheel, $(du -k "$wheel" | cut -f1) KB"

venv=$(mktemp -d)
trap 'rm -rf "$venv"' EXIT
"$PYTHON" -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "$wheel" "${TEST_DEPS[@]}"
# From another folder, so that only the installed package can be imported.
cd "$venv"
ZHIBIAO_CLI=${ZHIBIAO_CLI:-$ROOT/target/release/zhibiao} \
ZHIBIAO_CORPUS=${ZHIBIAO_CORPUS:-$ROOT/../shared/corpus} \
  "$venv/bin/pytest" -q -p no:cacheprovider "$ROOT/python/tests"
