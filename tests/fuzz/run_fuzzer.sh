#!/usr/bin/env bash
# Builds one libFuzzer target (clang++, -fsanitize=fuzzer,address,undefined, the engine sources
# compiled in) and runs it on a temporary copy of its seed corpus.
#
#   tests/fuzz/run_fuzzer.sh <config|weights_json> [SECONDS | runs=N] [build_dir]
#
# SECONDS (default 60): a run bounded by time, for long searches, e.g. half an hour:
#   tests/fuzz/run_fuzzer.sh weights_json 1800   (the BPL_FUZZ_SECONDS environment variable also sets it)
# runs=N: N inputs from a fixed seed (BPL_FUZZ_SEED, default 1), the same inputs on every machine
# however fast or busy it is: how ctest runs it. The BPL_FUZZ_RUNS environment variable overrides N.
# build_dir: where the binary and crash artefacts go (default build/fuzz). The repository is
# never written: new corpus entries land in a temp dir that is deleted afterwards.
# Prints "fuzz/<name>: N executions …"; exits non-zero on a crash, leak, timeout or broken
# invariant (the input is kept as <build_dir>/artifacts/<name>/crash-*), and when clang++ or
# libFuzzer's runtime is missing (saying which package to install).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NAME="${1:?usage: run_fuzzer.sh <config|weights_json> [SECONDS | runs=N] [build_dir]}"
LIMIT="${2:-60}"
BUILD="${3:-$ROOT/build/fuzz}"
SOURCE="$ROOT/tests/fuzz/fuzz_$NAME.cpp"
case "$NAME" in
  config) MAX_LEN=1024; CORPUS="$ROOT/tests/fuzz/corpus_config" ;;
  weights_json) MAX_LEN=8192; CORPUS="$ROOT/tests/fuzz/corpus_weights" ;;
  *) echo "run_fuzzer.sh: unknown target '$NAME' (config, weights_json)" >&2; exit 2 ;;
esac
DICT="$ROOT/tests/fuzz/$NAME.dict"
if [[ "$LIMIT" == runs=* ]]; then
  RUNS_WANTED="${BPL_FUZZ_RUNS:-${LIMIT#runs=}}"
  SEED="${BPL_FUZZ_SEED:-1}"
  # -reload=0: no time-driven corpus re-reads. (Coverage feedback still sees memory addresses,
  # so two runs can try slightly different inputs; how many they try never changes.)
  BOUND=(-runs="$RUNS_WANTED" -seed="$SEED" -reload=0)
  WHAT="$RUNS_WANTED inputs from seed $SEED"
else
  SECONDS_TO_RUN="${BPL_FUZZ_SECONDS:-$LIMIT}"
  BOUND=(-max_total_time="$SECONDS_TO_RUN")
  WHAT="${SECONDS_TO_RUN} s"
fi

INSTALL_HINT="apt-get install clang libclang-rt-dev (or run scripts/setup.sh)"
CXX="${BPL_FUZZ_CXX:-$(command -v clang++ || command -v clang++-14 || true)}"
if [[ -z "$CXX" ]]; then echo "fuzz/$NAME: FAILED, clang++ not found: $INSTALL_HINT" >&2; exit 1; fi

# ---- build (again when a source, header, this script or the compiler changed) ----------------
mkdir -p "$BUILD" "$BUILD/artifacts/$NAME"
BIN="$BUILD/fuzz_$NAME"
SOURCES=("$ROOT"/engine/*.cpp "$SOURCE")
INPUTS=("${SOURCES[@]}" "$ROOT"/engine/*.hpp "$ROOT"/tests/fuzz/*.hpp "${BASH_SOURCE[0]}")
STAMP="$BUILD/fuzz_$NAME.compiler"
COMPILER_ID="$("$CXX" --version | head -n1) ($CXX)"
if [[ ! -x "$BIN" ]] || [[ "$(cat "$STAMP" 2>/dev/null)" != "$COMPILER_ID" ]] ||
   [[ -n "$(find "${INPUTS[@]}" -newer "$BIN" -print -quit)" ]]; then
  echo "fuzz/$NAME: building $BIN"
  if ! "$CXX" -std=c++17 -g -O1 -fno-omit-frame-pointer -Wall -Wextra -Werror \
       -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
       -I"$ROOT/engine" "${SOURCES[@]}" -o "$BIN.tmp" 2>"$BUILD/build_$NAME.log"; then
    cat "$BUILD/build_$NAME.log" >&2
    if grep -q "libclang_rt\|fsanitize=fuzzer" "$BUILD/build_$NAME.log"; then
      echo "fuzz/$NAME: FAILED, libFuzzer's runtime is missing: $INSTALL_HINT" >&2
    fi
    exit 1
  fi
  mv "$BIN.tmp" "$BIN"
  echo "$COMPILER_ID" >"$STAMP"
fi

# ---- run ------------------------------------------------------------------------------------
WORK="$(mktemp -d "${TMPDIR:-/tmp}/bpl-fuzz-$NAME.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir "$WORK/corpus"
cp -r "$CORPUS/." "$WORK/corpus/"
export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
echo "fuzz/$NAME: running $WHAT (max_len $MAX_LEN) on a copy of ${CORPUS#$ROOT/}"
status=0
# -timeout: one input taking over 10 s is a hang; -malloc_limit_mb: one input asking for
# 256 MB is a memory blow-up (the inputs are a few KB). RSS itself grows to ~500 MB with ASan's
# quarantine over a long run, hence the looser -rss_limit_mb.
"$BIN" "$WORK/corpus" -dict="$DICT" -max_len="$MAX_LEN" "${BOUND[@]}" -timeout=10 \
  -malloc_limit_mb=256 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$BUILD/artifacts/$NAME/" \
  >"$WORK/log" 2>&1 || status=$?
RUNS="$(sed -n 's/^stat::number_of_executed_units: *//p' "$WORK/log" | tail -n1)"
if [[ $status -ne 0 ]]; then
  tail -n 60 "$WORK/log"
  echo "fuzz/$NAME: FAILED (exit $status) after ${RUNS:-?} executions; input kept in $BUILD/artifacts/$NAME/"
  exit 1
fi
grep -E "^#[0-9]+[[:space:]]+(INITED|DONE)" "$WORK/log" || true
echo "fuzz/$NAME: ${RUNS:-?} executions ($WHAT), no crash; corpus grew to $(find "$WORK/corpus" -type f | wc -l) inputs"
