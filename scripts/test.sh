#!/usr/bin/env bash
# README command 2: installs whatever is missing, builds the native and the web trees, and
# runs every test (native doctest suites, the same suites as WASM under Node, the CLI and
# reference checks, the browser tests) through one ctest summary in build/native.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

mkdir -p build
CACHE="$(bash scripts/setup.sh | tail -n1)"
export NODE_PATH=/usr/share/nodejs

echo "== building build/web (Emscripten)"
cmake --preset web -DBPL_DEPS_DIR="$CACHE" >build/web-configure.log 2>&1 || { cat build/web-configure.log; exit 1; }
cmake --build --preset web
echo "== building build/native"
cmake --preset native -DBPL_WEB_TESTS=ON -DBPL_WEB_BUILD_DIR="$ROOT/build/web" >build/native-configure.log 2>&1 \
  || { cat build/native-configure.log; exit 1; }
cmake --build --preset native


echo "== running every test"
ctest --preset native -j2 "$@"
