# How Dear ImGui is compiled, shared by the cached library (cmake/imgui/CMakeLists.txt) and the
# page that includes its headers (cmake/page.cmake): the definitions change imgui.h's API, so
# both sides must agree. Editing this file changes the cache folder's name (see page.cmake).
set(BPL_IMGUI_DEFINITIONS IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_OBSOLETE_FUNCTIONS SDL_MAIN_HANDLED)
# Third-party code is built for size (the engine keeps -O2, for speed); -flto lets the page's link
# drop and merge across ImGui's files and ours.
set(BPL_IMGUI_OPTIONS -Oz -flto -fno-exceptions -fno-rtti -w)
