#!/usr/bin/env bash
# README command 1: installs whatever is missing, builds the page into build/web (a static
# folder for any host) and serves it on http://127.0.0.1:${PORT:-8080}/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
configure web -DBPL_DEPS_DIR="$CACHE"
cmake --build --preset web
exec node scripts/serve.mjs build/web "${PORT:-8080}"
