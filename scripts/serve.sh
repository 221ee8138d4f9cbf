#!/usr/bin/env bash
# README command 1: installs whatever is missing, builds the page into build/web (a static
# folder for any host) and serves it on http://127.0.0.1:${PORT:-8080}/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mkdir -p build
CACHE="$(bash scripts/setup.sh | tail -n1)"
export NODE_PATH=/usr/share/nodejs
cmake --preset web -DBPL_DEPS_DIR="$CACHE" >build/web-configure.log 2>&1 || { cat build/web-configure.log; exit 1; }
cmake --build --preset web
exec node scripts/serve.mjs build/web "${PORT:-8080}"
