# How SDL 2.26.5 (Debian's source package) is built for WASM: scripts/setup.sh hands this file to
# CMake as its initial cache (-C). Editing any file in cmake/sdl2/ changes the cache folder's name
# (the recipe's hash, see bpl_recipe_hash in cmake/page.cmake), so every machine builds a changed
# recipe instead of using an older build.
set(SDL_STATIC ON CACHE BOOL "")
# The page initialises only video and timers (web/platform/main.cpp).
foreach(option SDL_SHARED SDL_TEST SDL_AUDIO SDL_JOYSTICK SDL_HAPTIC SDL_SENSOR SDL_POWER SDL_HIDAPI)
  set(${option} OFF CACHE BOOL "")
endforeach()
