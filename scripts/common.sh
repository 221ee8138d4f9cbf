# Sourced by the scripts that build (serve.sh, test.sh, bench.sh): the repository root as the
# working folder, everything installed (scripts/setup.sh; its last line is the per-machine
# cache folder, in CACHE), JOBS (how many CPUs this process may run on), and
# `configure PRESET [ARGS...]`, which keeps CMake's configure output in
# build/PRESET-configure.log and shows it only when configuring fails.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mkdir -p build
CACHE="$(bash scripts/setup.sh | tail -n1)"
export NODE_PATH=/usr/share/nodejs
# As many build and test jobs as CPUs this process may run on (nproc follows taskset): the
# results never depend on it, only the time they take.
JOBS="$(nproc)"
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$JOBS}"

configure() {
  local preset="$1"
  shift
  cmake --preset "$preset" "$@" >"build/$preset-configure.log" 2>&1 || { cat "build/$preset-configure.log"; exit 1; }
}
