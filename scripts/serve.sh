#!/usr/bin/env bash
# Build the web app and serve it on http://127.0.0.1:8080 (installs what is missing first).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/env.sh
exec trunk serve --release "$@"
