# Sourced by the other scripts: the tools setup.sh installs, on PATH.
# shellcheck shell=bash
ZHIBIAO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ZHIBIAO_ROOT/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
