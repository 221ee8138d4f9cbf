#!/usr/bin/env bash
# README command 2: installs whatever is missing, builds the native and the web trees, and
# runs every test (native doctest suites, the same suites as WASM under Node, the CLI and
# reference checks, the suites under ASan + UBSan, the browser tests) through one ctest summary
# in build/native. `ctest --preset quick` (after a native build) is the fast inner loop.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

echo "== building build/web (Emscripten)"
configure web -DBPL_DEPS_DIR="$CACHE"
cmake --build --preset web
echo "== building build/native"
configure native
cmake --build --preset native
echo "== building build/asan (AddressSanitizer + UndefinedBehaviorSanitizer)"
configure asan
cmake --build --preset asan

echo "== running every test"
ctest --preset native -j "$JOBS" "$@"
