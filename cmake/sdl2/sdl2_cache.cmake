# How SDL 2.26.5 (Debian's source package) is built for WASM: scripts/setup.sh hands this file to
# CMake as its initial cache (-C). Editing any file in cmake/sdl2/ changes the cache folder's name
# (the recipe's hash, see bpl_recipe_hash in cmake/page.cmake), so every machine builds a changed
# recipe instead of using an older build.
set(SDL_STATIC ON CACHE BOOL "")
# The page initialises only video and timers (web/platform/main.cpp), draws with WebGL itself
# (no SDL renderer) and runs on Emscripten's video driver (not the offscreen or dummy one).
foreach(option SDL_SHARED SDL_TEST SDL_AUDIO SDL_JOYSTICK SDL_HAPTIC SDL_SENSOR SDL_POWER SDL_HIDAPI
               SDL_RENDER SDL_OFFSCREEN SDL_DUMMYVIDEO)
  set(${option} OFF CACHE BOOL "")
endforeach()
# Third-party code is built for size (the engine keeps -O2, for speed): -Oz instead of CMake's
# Release default of -O3, and -flto so the page's link can drop and merge across SDL and the rest.
set(CMAKE_C_FLAGS_RELEASE "-Oz -flto -DNDEBUG" CACHE STRING "")
