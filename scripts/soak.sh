#!/usr/bin/env bash
# Soak test (long runs; NOT part of scripts/test.sh): trains for a long time and
# records the process's resident memory over time, to show it stays flat.
#
#   bash scripts/soak.sh            # about 2 to 5 minutes on one core, plus the browser part
#
# Runs, each sampled every SOAK_INTERVAL seconds from /proc/<pid>/status (VmRSS):
#   engine     xor-train, the reference 2-4-1 net, SOAK_EPOCHS epochs (default 10,000,000)
#   engine-big xor-train, the largest net (4 x 32 units, Adam, per-sample batches: 16 updates
#              of 3,000+ weights per epoch), SOAK_BIG_EPOCHS epochs (default 1,000,000)
#   wasm       the engine as WebAssembly under Node (build/web/xor-train.js, when built),
#              SOAK_EPOCHS epochs of the reference net
#   browser    the page: runs tests/browser/soak.mjs when it exists (the page team's hook; it
#              gets BPL_WEB_DIR and SOAK_OUT in its environment and reports its own figures)
# Each run prints first / last / max RSS and writes time,rss_kb rows to
# $SOAK_OUT/<run>_rss.csv (default build/soak/). "first" is the first sample after start-up
# (1 s). Exit status 1 when a native run's RSS grows by more than SOAK_MAX_GROWTH_KB
# (default 1024) from its first sample to its last; the
# Node run is reported only (its garbage collector moves RSS by a few MB either way).
# Other settings: XOR_TRAIN (default build/native/xor-train, built when missing), NODE.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SOAK_EPOCHS="${SOAK_EPOCHS:-10000000}"
SOAK_BIG_EPOCHS="${SOAK_BIG_EPOCHS:-1000000}"
SOAK_INTERVAL="${SOAK_INTERVAL:-0.5}"
SOAK_MAX_GROWTH_KB="${SOAK_MAX_GROWTH_KB:-1024}"
SOAK_OUT="${SOAK_OUT:-$ROOT/build/soak}"
XOR_TRAIN="${XOR_TRAIN:-$ROOT/build/native/xor-train}"
NODE="${NODE:-node}"
WEB_DIR="${BPL_WEB_DIR:-$ROOT/build/web}"
mkdir -p "$SOAK_OUT"

if [[ ! -x "$XOR_TRAIN" ]]; then
  echo "== building $XOR_TRAIN"
  cmake --preset native >/dev/null
  cmake --build --preset native --target xor-train
fi

status=0

# soak_run <name> <judge: yes|no> <command...>: runs the command, samples its RSS, prints the
# summary; its stdout (the loss lines) goes to $SOAK_OUT/<name>.out.
soak_run() {
  local name="$1" judge="$2"; shift 2
  local csv="$SOAK_OUT/${name}_rss.csv" out="$SOAK_OUT/$name.out"
  echo "== $name: $*"
  local start=$EPOCHREALTIME
  "$@" >"$out" 2>&1 &
  local pid=$!
  echo "seconds,rss_kb" >"$csv"
  local rss=""
  while kill -0 "$pid" 2>/dev/null; do
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [[ -n "$rss" ]] && awk -v now="$EPOCHREALTIME" -v t0="$start" -v kb="$rss" 'BEGIN {printf "%.1f,%s\n", now - t0, kb}' >>"$csv"
    sleep "$SOAK_INTERVAL"
  done
  local code=0
  wait "$pid" || code=$?
  local seconds; seconds=$(awk -v now="$EPOCHREALTIME" -v t0="$start" 'BEGIN {print now - t0}')
  tail -n 6 "$out" | sed 's/^/   | /'
  # "first" is the first sample after one second, once start-up (loader, libraries, the
  # network's buffers) is over; max covers every sample.
  local summary first last max samples
  summary=$(awk -F, 'NR > 1 {if (first == "" && $1 >= 1.0) first = $2; if (early == "") early = $2;
                             last = $2; if ($2 > max) max = $2; n++}
                     END {printf "%d %d %d %d", first != "" ? first : early, last, max, n}' "$csv")
  read -r first last max samples <<<"$summary"
  local growth=$((last - first))
  printf '   %s: exit %d after %.1f s; RSS first %d KB, last %d KB, max %d KB, growth %+d KB (%d samples, %s)\n' \
    "$name" "$code" "$seconds" "$first" "$last" "$max" "$growth" "$samples" "${csv#$ROOT/}"
  if [[ $code -ne 0 ]]; then echo "   $name: FAILED (exit $code)"; status=1; fi
  if [[ "$judge" == yes && $growth -gt $SOAK_MAX_GROWTH_KB ]]; then
    echo "   $name: FAILED, RSS grew by more than $SOAK_MAX_GROWTH_KB KB"; status=1
  fi
}

print_every=$(( SOAK_EPOCHS >= 10 ? SOAK_EPOCHS / 10 : 1 ))
big_print_every=$(( SOAK_BIG_EPOCHS >= 10 ? SOAK_BIG_EPOCHS / 10 : 1 ))

soak_run engine yes "$XOR_TRAIN" --epochs "$SOAK_EPOCHS" --print-every "$print_every"
soak_run engine-big yes "$XOR_TRAIN" --layers 32,32,32,32 --optimizer adam --batch sample --lr 0.001 \
  --epochs "$SOAK_BIG_EPOCHS" --print-every "$big_print_every"
if [[ -f "$WEB_DIR/xor-train.js" ]]; then
  soak_run wasm no "$NODE" "$WEB_DIR/xor-train.js" --epochs "$SOAK_EPOCHS" --print-every "$print_every"
else
  echo "== wasm: skipped ($WEB_DIR/xor-train.js not built; scripts/test.sh builds it)"
fi

# ---- browser soak hook: the page team's script ----------------------------------------------
if [[ -f "$ROOT/tests/browser/soak.mjs" ]]; then
  echo "== browser: node tests/browser/soak.mjs"
  BPL_WEB_DIR="$WEB_DIR" SOAK_OUT="$SOAK_OUT" NODE_PATH="${NODE_PATH:-/usr/share/nodejs}" \
    "$NODE" "$ROOT/tests/browser/soak.mjs" || { echo "   browser: FAILED"; status=1; }
else
  echo "== browser: skipped (tests/browser/soak.mjs not written yet)"
fi

echo "soak: $([[ $status -eq 0 ]] && echo passed || echo FAILED)"
exit $status
