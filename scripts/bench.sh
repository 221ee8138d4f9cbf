#!/usr/bin/env bash
# The benchmark: builds what it needs (build/native and build/web through the presets,
# after scripts/setup.sh), then measures in one run, so that ratios hold on a busy machine:
#   1. engine ns/epoch, 2-4-1 sigmoid and 2-16-16-1 tanh on XOR and 2-8-8-1 tanh on a 200-point
#      circle in mini-batches: natively, as WASM under Node, and the NumPy loop
#      (bench/numpy_bench.py) from the same initial weights (and the same points);
#   2. the page's per-frame cost and fps in headless Chromium (bench/page_bench.mjs);
#   3. download size and time to first frame;  4. WASM heap size over a long run;
#   5. CPU of the page as a guest (paused, out of view, three embeds) beside the bare browser
#      in the same run, and the hover delay (bench/guest_bench.mjs).
# Prints a table with each target met / NOT MET and writes it all to build/bench.json.
#   BENCH_ONLY=engine|page|guest  run some parts only (comma-separated); or parts of the page's:
#                                 frames, download, memory (download alone: the size budget in a minute)
#   BENCH_FRAMES=240              frames timed per page setting
#   BENCH_MEMORY_FRAMES=10000     frames of the memory run (about 3 to 8 minutes at 20-60 fps)
#   BENCH_EPOCHS=100000           steady-state epochs timed per engine net (in short runs)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
OUT="$ROOT/build/bench"
mkdir -p "$OUT"
ONLY="${BENCH_ONLY:-engine,page,guest}"
want() { [[ ",$ONLY," == *",$1,"* ]]; }
want_page() { want page || want frames || want download || want memory; }
EPOCHS="${BENCH_EPOCHS:-100000}"
PY=/usr/bin/python3   # Debian's interpreter: the one with python3-numpy

echo "== building what the run needs (build/native, build/web)" >&2
: >build/bench-build.log
if want engine; then
  configure native
  cmake --build --preset native --target engine-bench xor-train >>build/bench-build.log 2>&1 || { cat build/bench-build.log; exit 1; }
fi
web_targets=()
if want engine; then web_targets+=(engine-bench); fi
if want_page || want guest; then web_targets+=(backprop-lab); fi
[ "${#web_targets[@]}" -gt 0 ] || { echo "BENCH_ONLY=$ONLY names nothing to run (engine, page, frames, download, memory, guest)" >&2; exit 2; }
configure web -DBPL_DEPS_DIR="$CACHE"
cmake --build --preset web --target "${web_targets[@]}" >>build/bench-build.log 2>&1 || { cat build/bench-build.log; exit 1; }
rm -f "$OUT"/*.json

if want engine; then
  # One BLAS thread for NumPy: on 2 busy cores extra threads only add noise.
  export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
  # Three alternating rounds of native and WASM: a burst of load from elsewhere spoils one round
  # of one build instead of the comparison. Per net and build, the round with the lowest steady
  # median counts (its best, first-10k and run counts come with it).
  for round in 1 2 3; do
    echo "== engine: native, WASM under node (round $round of 3)" >&2
    build/native/engine-bench --json --epochs "$EPOCHS" >"$OUT/engine-native-$round.json"
    node build/web/engine-bench.js --json --epochs "$EPOCHS" >"$OUT/engine-wasm-$round.json"
  done
  "$PY" bench/engine_rounds.py "$OUT" native wasm
  # NumPy from the weights engine-bench starts from (seed 42 draws, written by xor-train).
  for spec in "small|2-4-1 sigmoid|sigmoid|--hidden 4" "deep|2-16-16-1 tanh|tanh|--layers 16,16"; do
    IFS='|' read -r key name act shape <<<"$spec"
    # shellcheck disable=SC2086
    build/native/xor-train $shape --activation "$act" --epochs 0 --save "$OUT/init-$key.json" >/dev/null
    # shellcheck disable=SC2086
    engine_loss=$(build/native/xor-train $shape --activation "$act" --epochs 10000 --print-every 9999 |
                  sed -n 's/^Epoch 9999, Loss: //p')
    echo "== engine: NumPy $name" >&2
    "$PY" bench/numpy_bench.py --init "$OUT/init-$key.json" --activation "$act" --name "$name" \
      --engine-loss "$engine_loss" --json >"$OUT/numpy-$key.json"
  done  # The circle: engine-bench's config of the case; numpy_bench.py has xor-train write its points
  # and initial weights. NumPy's epochs are slow (about 1 ms): one first-10k run, short steady runs.
  circle_config=$("$PY" -c 'import json, sys
print(next(c["config"] for c in json.load(open(sys.argv[1]))["cases"] if c["name"].startswith("circle")))' \
                  "$OUT/engine-native.json")
  echo "== engine: NumPy circle 2-8-8-1 ($circle_config)" >&2
  "$PY" bench/numpy_bench.py --config "$circle_config" --xor-train build/native/xor-train --name "circle 2-8-8-1" \
    --first 10000 --first-runs 1 --epochs 1000 --runs 5 --warmup 200 --json >"$OUT/numpy-circle.json"
fi

if want_page; then
  echo "== page: headless Chromium (a few minutes)" >&2
  BPL_WEB_DIR="$ROOT/build/web" node bench/page_bench.mjs >"$OUT/page.json"
fi

if want guest; then
  echo "== guest: CPU paused, out of view, three embeds (about two minutes)" >&2
  BPL_WEB_DIR="$ROOT/build/web" node bench/guest_bench.mjs >"$OUT/guest.json"
fi

"$PY" bench/bench_report.py "$OUT" "$ROOT/build/bench.json"
echo "(written to build/bench.json)"
