#!/usr/bin/env bash
# Installs everything the build and the tests need on a Debian 12 machine, and builds the
# third-party WASM libraries (SDL2, Dear ImGui) once per machine into a cache outside build/.
# Idempotent and quiet when nothing is missing. Prints the cache folder on its last line.
set -euo pipefail

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
CACHE="${BACKPROP_LAB_CACHE:-/var/cache/backprop-lab}"
SDL_VERSION="2.26.5"
IMGUI_VERSION="1.86"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { echo "setup: $*" >&2; }

# One setup at a time per cache (serve.sh and test.sh started together, or two worktrees): a
# second run waits here, then finds everything in place, instead of building SDL2 into the
# same folders at the same moment. The lock is the cache folder itself (flock on its fd).
[ -d "$CACHE" ] || $SUDO mkdir -p "$CACHE"
exec 9<"$CACHE"
if ! flock -n 9; then
  log "waiting for another setup run using $CACHE"
  flock 9
fi

# ---- apt packages -----------------------------------------------------------------------
# clang's libFuzzer and sanitizer runtimes (libclang_rt.*) are only a recommendation of clang,
# which --no-install-recommends leaves out: libclang-rt-dev is named so the fuzz tests can build.
# libblas3 (the reference BLAS) is named because python3-numpy is as happy with OpenBLAS, and
# the pinned reference runs (tests/reference/numpy_env.py) need this one. terser minifies the
# page's JavaScript in the build folder (cmake/minify_js.js).
APT_PACKAGES=(cmake make g++ clang libclang-rt-dev emscripten doctest-dev python3-numpy libblas3
              python3-fonttools chromium fonts-dejavu-core dpkg-dev gzip terser)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)

ensure_deb_src() {
  local f=/etc/apt/sources.list.d/backprop-lab-src.sources
  [ -f "$f" ] && return 0
  log "adding Debian source-package entry ($f)"
  $SUDO tee "$f" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  APT_UPDATED=""
}

APT_UPDATED=""
apt_update() {
  [ -n "$APT_UPDATED" ] && return 0
  log "apt-get update"
  # Unreachable third-party lists make update exit non-zero; Debian's own lists still refresh.
  $SUDO apt-get update -qq >/dev/null 2>&1 || true
  APT_UPDATED=1
}

# recipe_hash DIR: 12 hex digits naming a cache folder after its build recipe, every file in DIR
# (C order): cmake/page.cmake's bpl_recipe_hash computes the same, so the page links what this
# recipe built, and a changed recipe is built anew on machines that have an older cache.
recipe_hash() {
  local f sums=""
  while IFS= read -r f; do
    sums+="$(sha256sum "$1/$f" | cut -c1-64)"
  done < <(cd "$1" && find . -maxdepth 1 -type f -printf '%f\n' | LC_ALL=C sort)
  printf '%s' "$sums" | sha256sum | cut -c1-12
}
SDL_PREFIX="$CACHE/sdl2-$SDL_VERSION-wasm-$(recipe_hash "$ROOT/cmake/sdl2")"
IMGUI_PREFIX="$CACHE/imgui-$IMGUI_VERSION-wasm-$(recipe_hash "$ROOT/cmake/imgui")"

need_sources=0
[ -f "$CACHE/src/imgui-$IMGUI_VERSION+ds/imgui.cpp" ] || need_sources=1
[ -f "$SDL_PREFIX/lib/libSDL2.a" ] || need_sources=1
if [ "$need_sources" = 1 ]; then ensure_deb_src; fi

if [ "${#missing[@]}" -gt 0 ]; then
  apt_update
  log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
fi

export NODE_PATH=/usr/share/nodejs

# ---- source packages ----------------------------------------------------------------------
fetch_source() {  # $1 = package, $2 = folder name expected
  local pkg="$1" dir="$2"
  [ -d "$CACHE/src/$dir" ] && return 0
  apt_update
  log "fetching Debian source package $pkg"
  $SUDO mkdir -p "$CACHE/src"
  (cd "$CACHE/src" && $SUDO apt-get source -qq "$pkg" >/dev/null 2>&1) || {
    echo "setup: could not fetch the source package '$pkg' (is the deb-src entry reachable?)" >&2; exit 1; }
  [ -d "$CACHE/src/$dir" ] || { echo "setup: source package $pkg did not unpack to $dir" >&2; exit 1; }
}

if [ "$need_sources" = 1 ]; then
  fetch_source imgui "imgui-$IMGUI_VERSION+ds"
  [ -f "$SDL_PREFIX/lib/libSDL2.a" ] || fetch_source libsdl2 "libsdl2-$SDL_VERSION+dfsg"
fi

# ---- cached WASM libraries ---------------------------------------------------------------
# wasm_build_cached NAME PREFIX SOURCE [CMAKE ARGS…]: configures SOURCE with emcmake, builds
# and installs into PREFIX, which appears only once the install succeeded (a .partial folder
# first), so an interrupted build is redone rather than half-used.
wasm_build_cached() {
  local name="$1" prefix="$2" src="$3"
  shift 3
  local tmp="$prefix.build"
  $SUDO rm -rf "$tmp" "$prefix.partial"
  $SUDO mkdir -p "$tmp"
  (cd "$tmp" && $SUDO env NODE_PATH=/usr/share/nodejs emcmake cmake "$src" -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_INSTALL_PREFIX="$prefix.partial" "$@" >"$tmp/configure.log" 2>&1 \
   && $SUDO env NODE_PATH=/usr/share/nodejs emmake make -j"$(nproc)" >"$tmp/build.log" 2>&1 \
   && $SUDO make install >"$tmp/install.log" 2>&1) || {
     echo "setup: $name WASM build failed; logs in $tmp" >&2; exit 1; }
  $SUDO rm -rf "$prefix"
  $SUDO mv "$prefix.partial" "$prefix"
  $SUDO rm -rf "$tmp"
}

# SDL2: about 5 minutes on 2 cores, once per machine and build recipe (cmake/sdl2/, its initial
# cache: options and flags).
if [ ! -f "$SDL_PREFIX/lib/libSDL2.a" ]; then
  log "building SDL2 $SDL_VERSION for WASM (once per machine and recipe; a few minutes)"
  wasm_build_cached SDL2 "$SDL_PREFIX" "$(ls -d "$CACHE"/src/libsdl2-"$SDL_VERSION"* | head -n1)" \
    -C "$ROOT/cmake/sdl2/sdl2_cache.cmake"
fi

# Dear ImGui: about a minute, once per machine and build recipe (cmake/imgui/: its CMake
# project, flags and the patch that leaves out the built-in font).
if [ ! -f "$IMGUI_PREFIX/lib/libimgui.a" ]; then
  log "building Dear ImGui $IMGUI_VERSION for WASM (once per machine and recipe)"
  wasm_build_cached "Dear ImGui" "$IMGUI_PREFIX" "$ROOT/cmake/imgui" \
    -DIMGUI_SOURCE_DIR="$CACHE/src/imgui-$IMGUI_VERSION+ds" -DSDL2_PREFIX="$SDL_PREFIX"
fi

# ---- npm packages for the browser tests (playwright-core only: it drives Debian's chromium) --
# Installed exactly as package-lock.json pins them (npm ci), and again whenever what is in
# node_modules is not that version: an older install left in the folder is never used.
npm_version() {  # $1 = file, $2 = JS expression of `p` giving the version (empty when absent)
  node -e "try { const p = require(process.argv[1]); console.log($2 || ''); } catch { console.log(''); }" "$1"
}
wanted="$(npm_version "$ROOT/tests/browser/package-lock.json" "p.packages['node_modules/playwright-core'].version")"
have="$(npm_version "$ROOT/tests/browser/node_modules/playwright-core/package.json" "p.version")"
if [ -z "$wanted" ] || [ "$have" != "$wanted" ]; then
  log "installing playwright-core ${wanted:-?} from npm (found ${have:-none})"
  (cd "$ROOT/tests/browser" && npm ci --no-audit --no-fund --silent >/dev/null 2>&1) || {
    echo "setup: npm ci in tests/browser failed" >&2; exit 1; }
fi

echo "$CACHE"
