# The page (Emscripten only): Dear ImGui + SDL2 (from the setup cache) + the engine -> WASM,
# plus the static files, so ${CMAKE_BINARY_DIR} is a complete static site:
#   index.html  style.css  settings.js  shell.js  bridge.js  a11y.js  guest.js  favicon.svg  preview.png
#   backprop-lab.js/.wasm
# Those names are also written to ${CMAKE_BINARY_DIR}/site-files.txt: the browser tests serve
# only them, so a file left in the build folder by an earlier build cannot make a test pass.

# ---- the third-party caches (scripts/setup.sh) ---------------------------------------------
# The cache folders are named after a hash of their build recipe (every file in cmake/imgui/ and
# cmake/sdl2/), so a changed recipe gets a new build instead of a stale one on every machine:
# scripts/setup.sh computes the same names (recipe_hash).
function(bpl_recipe_hash dir out)
  file(GLOB files LIST_DIRECTORIES false "${dir}/*")   # sorted, as setup.sh's LC_ALL=C sort
  set(sums "")
  foreach(f IN LISTS files)
    file(SHA256 "${f}" sum)
    string(APPEND sums "${sum}")
  endforeach()
  string(SHA256 hash "${sums}")
  string(SUBSTRING "${hash}" 0 12 hash)
  set(${out} "${hash}" PARENT_SCOPE)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${files})
endfunction()
bpl_recipe_hash(${CMAKE_SOURCE_DIR}/cmake/imgui imgui_recipe)
bpl_recipe_hash(${CMAKE_SOURCE_DIR}/cmake/sdl2 sdl2_recipe)
set(BPL_IMGUI_DIR "${BPL_DEPS_DIR}/src/imgui-1.86+ds")
set(BPL_SDL2_DIR "${BPL_DEPS_DIR}/sdl2-2.26.5-wasm-${sdl2_recipe}")

# ---- Dear ImGui: the library scripts/setup.sh built into the cache -------------------------
include(${CMAKE_SOURCE_DIR}/cmake/imgui/imgui_flags.cmake)
set(BPL_IMGUI_LIB "${BPL_DEPS_DIR}/imgui-1.86-wasm-${imgui_recipe}/lib/libimgui.a")
# Without them there is no page: an error, never a build folder that silently lacks it.
set(deps_missing "")
foreach(dep "${BPL_IMGUI_DIR}/imgui.cpp" "${BPL_SDL2_DIR}/lib/libSDL2.a" "${BPL_IMGUI_LIB}")
  if(NOT EXISTS "${dep}")
    string(APPEND deps_missing "\n  ${dep}")
  endif()
endforeach()
if(deps_missing)
  message(FATAL_ERROR "The page needs Dear ImGui and SDL2 built for WASM, missing under "
                      "BPL_DEPS_DIR=${BPL_DEPS_DIR}:${deps_missing}\n"
                      "Run scripts/setup.sh (it builds them once per machine; BACKPROP_LAB_CACHE moves the "
                      "cache) and configure with -DBPL_DEPS_DIR=<the folder it prints last>.")
endif()
add_library(bpl_imgui STATIC IMPORTED)
set_target_properties(bpl_imgui PROPERTIES IMPORTED_LOCATION "${BPL_IMGUI_LIB}")
target_include_directories(bpl_imgui SYSTEM INTERFACE ${BPL_IMGUI_DIR} ${BPL_IMGUI_DIR}/backends
                           ${BPL_SDL2_DIR}/include/SDL2)
target_compile_definitions(bpl_imgui INTERFACE ${BPL_IMGUI_DEFINITIONS})
target_link_libraries(bpl_imgui INTERFACE ${BPL_SDL2_DIR}/lib/libSDL2.a)

# ---- fonts: DejaVu subsets made at build time ----------------------------------------------
# One list of code point ranges feeds both pyftsubset and ImGui's glyph ranges (BPL_FONT_RANGES).
set(BPL_FONT_RANGES
  0x0020 0x007E   0x00A0 0x017F   0x0370 0x03FF   # Latin, Latin-1, Latin Extended-A (ŷ), Greek
  0x1D40 0x1D40                                   # ᵀ (transpose)
  0x2010 0x205E   0x2070 0x209F                   # dashes, bullets, primes; super/subscripts
  0x2113 0x2113                                   # ℓ (per-sample loss)
  0x2190 0x21FF   0x2200 0x22FF                   # arrows; math operators (∂ ∑ √ ≈ ≤ ≥ − ⊙)
  0x25A0 0x25FF   0x26A0 0x26A0                   # geometric shapes (▶ ■ ●); warning sign
  0x2713 0x2716   0x275A 0x275A   0x27F2 0x27F5   # ✓ ✕; ❚ (pause); ⟲ ⟳ arrows
  0x2C7C 0x2C7C)                                  # ⱼ (subscript j)
set(unicodes "")
set(cxx_ranges "")
list(LENGTH BPL_FONT_RANGES n_bounds)
math(EXPR last "${n_bounds} - 1")
foreach(i RANGE 0 ${last} 2)
  math(EXPR j "${i} + 1")
  list(GET BPL_FONT_RANGES ${i} lo)
  list(GET BPL_FONT_RANGES ${j} hi)
  string(REPLACE "0x" "" lo_hex "${lo}")
  string(REPLACE "0x" "" hi_hex "${hi}")
  list(APPEND unicodes "U+${lo_hex}-${hi_hex}")
  string(APPEND cxx_ranges "${lo},${hi},")
endforeach()
string(REPLACE ";" "," unicodes "${unicodes}")

set(BPL_FONT_SOURCE_DIR /usr/share/fonts/truetype/dejavu)
bpl_require_files("DejaVu fonts for the page's font subsets (apt-get install fonts-dejavu-core, or run scripts/setup.sh)"
  ${BPL_FONT_SOURCE_DIR}/DejaVuSans.ttf ${BPL_FONT_SOURCE_DIR}/DejaVuSans-Bold.ttf ${BPL_FONT_SOURCE_DIR}/DejaVuSansMono.ttf)
execute_process(COMMAND /usr/bin/python3 -c "import fontTools.subset" RESULT_VARIABLE no_fonttools OUTPUT_QUIET ERROR_QUIET)
if(no_fonttools)
  message(FATAL_ERROR "/usr/bin/python3 cannot import fontTools, which makes the page's font subsets: "
                      "apt-get install python3-fonttools, or run scripts/setup.sh")
endif()
set(BPL_FONT_DIR "${CMAKE_BINARY_DIR}/generated/fonts")
set(BPL_FONT_FILES "")
# Download size: the subsets hold ASCII plus only those characters of the ranges that the page's
# sources actually contain. cmake/used_chars.py scans web/, lab/ and engine/ as a build step (no
# re-configure when a source changes) and rewrites a face's character list only when it
# changes, so the subsets are remade only then. Every glyph the ranges allowed cost ~100 KB
# of gzip.
set(BPL_TEXT_SOURCES ${BPL_WEB_SOURCES} ${BPL_WEB_HEADERS} ${BPL_LAB_SOURCES} ${BPL_LAB_HEADERS} ${BPL_ENGINE_SOURCES}
                     ${BPL_ENGINE_HEADERS})
# The mono face only shows numbers and row labels (kMonoRanges in web/ui/ui_theme.cpp).
set(BPL_MONO_RANGES "0x00B2,0x00B3,0x00B7,0x00B7,0x00B9,0x00B9,0x00D7,0x00D7,0x0370,0x03FF,0x2070,0x209F,0x2212,0x2212")
foreach(face DejaVuSans DejaVuSans-Bold DejaVuSansMono)
  set(out "${BPL_FONT_DIR}/${face}-subset.ttf")
  set(face_ranges "${cxx_ranges}0")
  if(face STREQUAL "DejaVuSansMono")
    set(face_ranges "${BPL_MONO_RANGES}")
  endif()
  set(chars_file "${BPL_FONT_DIR}/${face}-chars.txt")
  # The list keeps its old time stamp when its content did not change: make then scans again on
  # the next build (a fraction of a second) but does not remake the subset.
  add_custom_command(
    OUTPUT "${chars_file}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${BPL_FONT_DIR}"
    COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/cmake/used_chars.py --out "${chars_file}" "${face_ranges}"
            ${BPL_TEXT_SOURCES}
    DEPENDS ${BPL_TEXT_SOURCES} ${CMAKE_SOURCE_DIR}/cmake/used_chars.py
    COMMENT "Scanning the sources for ${face}'s characters"
    VERBATIM)
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${BPL_FONT_DIR}"
    COMMAND /usr/bin/python3 -m fontTools.subset "${BPL_FONT_SOURCE_DIR}/${face}.ttf"
            --unicodes=U+0020-007E "--text-file=${chars_file}" --no-hinting --layout-features= --name-IDs=
            --notdef-outline "--output-file=${out}"
    DEPENDS "${BPL_FONT_SOURCE_DIR}/${face}.ttf" "${chars_file}"
    COMMENT "Subsetting ${face}"
    VERBATIM)
  list(APPEND BPL_FONT_FILES "${out}")
endforeach()

# ---- JavaScript minifier ------------------------------------------------------------------
# The page's JavaScript reaches the build folder minified (cmake/minify_js.js, Debian's terser):
# Emscripten's glue after each link, the site's scripts and settings.js as they are copied or
# written. The repository keeps them as written.
find_program(BPL_NODE_FOR_SITE node REQUIRED NO_CACHE)
execute_process(COMMAND ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs ${BPL_NODE_FOR_SITE} -e "require('terser')"
                RESULT_VARIABLE no_terser OUTPUT_QUIET ERROR_QUIET)
if(no_terser)
  message(FATAL_ERROR "node cannot load terser from /usr/share/nodejs, which minifies the page's JavaScript: "
                      "apt-get install terser, or run scripts/setup.sh")
endif()
set(BPL_MINIFY_JS ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs ${BPL_NODE_FOR_SITE}
                  ${CMAKE_SOURCE_DIR}/cmake/minify_js.js)

# ---- the page ------------------------------------------------------------------------------
set(BPL_SHADER_FILES
  ${CMAKE_SOURCE_DIR}/shaders/decision_map.vert.glsl ${CMAKE_SOURCE_DIR}/shaders/decision_map.frag.glsl
  ${CMAKE_SOURCE_DIR}/shaders/ui.vert.glsl ${CMAKE_SOURCE_DIR}/shaders/ui.frag.glsl
  ${CMAKE_SOURCE_DIR}/shaders/ui_solid.frag.glsl)
bpl_require_files("shaders of the page (part of the repository: git checkout -- shaders)" ${BPL_SHADER_FILES})
# One library per layer, each seeing only the include folders of the layers below it:
# render (GL) -> lab; ui (ImGui) -> render, lab; the page (platform) -> everything.
set(BPL_PAGE_FLAGS ${BPL_WARNINGS} -Os -fno-exceptions -fno-rtti -flto)
add_library(bpl_render STATIC ${BPL_RENDER_SOURCES})
target_include_directories(bpl_render PUBLIC ${CMAKE_SOURCE_DIR}/web/render)
target_link_libraries(bpl_render PUBLIC bpl_lab)
target_compile_options(bpl_render PRIVATE ${BPL_PAGE_FLAGS})
bpl_embed_files(bpl_render shaders_embedded.hpp bpl_shaders text ${BPL_SHADER_FILES})
add_library(bpl_ui STATIC ${BPL_UI_SOURCES})
target_include_directories(bpl_ui PUBLIC ${CMAKE_SOURCE_DIR}/web/ui)
target_link_libraries(bpl_ui PUBLIC bpl_render bpl_lab bpl_imgui)
target_compile_options(bpl_ui PRIVATE ${BPL_PAGE_FLAGS})
target_compile_definitions(bpl_ui PRIVATE "BPL_FONT_RANGES=${cxx_ranges}0")
bpl_embed_files(bpl_ui fonts_embedded.hpp bpl_fonts binary ${BPL_FONT_FILES})
add_executable(backprop-lab ${BPL_PLATFORM_SOURCES})
target_include_directories(backprop-lab PRIVATE ${CMAKE_SOURCE_DIR}/web/platform
                           ${CMAKE_BINARY_DIR}/generated)   # shaders_embedded.hpp (made for bpl_render)
target_link_libraries(backprop-lab PRIVATE bpl_ui bpl_render bpl_lab bpl_engine bpl_imgui)
target_compile_options(backprop-lab PRIVATE ${BPL_PAGE_FLAGS})
set_target_properties(backprop-lab PROPERTIES SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}")
# Size of the gzipped download: -Oz, emmalloc and no errno/longjmp support take ~9 KB off; web/platform/link_trims.cpp keeps unused SDL and GL glue out (~47 KB). The GL settings
# drop JS-side GL error tracking and extension auto-enabling (nothing here uses an extension);
# the incoming Module API is what site/shell.js passes; wasm-opt --converge (together ~1.4 KB).
# The page never asks for fullscreen or pointer lock, so the glue that defers such requests to
# the next user event is left out.
target_link_options(backprop-lab PRIVATE
  -Oz -flto -fno-exceptions -fno-rtti -sMALLOC=emmalloc -sSUPPORT_ERRNO=0 -sSUPPORT_LONGJMP=0
  -sENVIRONMENT=web -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sNO_FILESYSTEM=1 -sALLOW_MEMORY_GROWTH=1 -sDYNAMIC_EXECUTION=0
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free
  -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8
  -sINVOKE_RUN=1 -sEXIT_RUNTIME=0
  -sGL_TRACK_ERRORS=0 -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0 -sGL_EXTENSIONS_IN_PREFIXED_FORMAT=0
  -sINCOMING_MODULE_JS_API=canvas,print,printErr,locateFile,instantiateWasm,onAbort -sTEXTDECODER=2
  -sHTML5_SUPPORT_DEFERRING_USER_SENSITIVE_REQUESTS=0
  "-sBINARYEN_EXTRA_PASSES=--converge")
# Emscripten's glue, minified in place after each link (its own -Oz pass only strips whitespace).
add_custom_command(TARGET backprop-lab POST_BUILD
  COMMAND ${BPL_MINIFY_JS} "${CMAKE_BINARY_DIR}/backprop-lab.js" "${CMAKE_BINARY_DIR}/backprop-lab.js"
  COMMENT "Minifying backprop-lab.js" VERBATIM)
set_property(TARGET backprop-lab APPEND PROPERTY LINK_DEPENDS ${CMAKE_SOURCE_DIR}/cmake/minify_js.js)

# ---- static files next to the WASM (index.html at the top of the repository) ---------------
set(BPL_SITE_FILES
  ${CMAKE_SOURCE_DIR}/index.html ${CMAKE_SOURCE_DIR}/site/style.css
  ${CMAKE_SOURCE_DIR}/site/shell.js ${CMAKE_SOURCE_DIR}/site/bridge.js ${CMAKE_SOURCE_DIR}/site/a11y.js
  ${CMAKE_SOURCE_DIR}/site/guest.js
  ${CMAKE_SOURCE_DIR}/site/favicon.svg ${CMAKE_SOURCE_DIR}/site/preview.png)
bpl_require_files("files of the page (part of the repository: git checkout -- index.html site)" ${BPL_SITE_FILES})
set(site_outputs "")
set(site_names backprop-lab.js backprop-lab.wasm)
foreach(src IN LISTS BPL_SITE_FILES)
  get_filename_component(name "${src}" NAME)
  if(name MATCHES "[.]js$")
    add_custom_command(OUTPUT "${CMAKE_BINARY_DIR}/${name}"
      COMMAND ${BPL_MINIFY_JS} "${src}" "${CMAKE_BINARY_DIR}/${name}"
      DEPENDS "${src}" ${CMAKE_SOURCE_DIR}/cmake/minify_js.js
      COMMENT "Minifying ${name}" VERBATIM)
  else()
    add_custom_command(OUTPUT "${CMAKE_BINARY_DIR}/${name}"
      COMMAND ${CMAKE_COMMAND} -E copy_if_different "${src}" "${CMAKE_BINARY_DIR}/${name}"
      DEPENDS "${src}" VERBATIM)
  endif()
  list(APPEND site_outputs "${CMAKE_BINARY_DIR}/${name}")
  list(APPEND site_names "${name}")
endforeach()
# settings.js: the settings table and the API's limits for bridge.js, generated from C++ (run
# under Node, as the page's own build of settings-table) so the JS side never retypes them.
# The readable version stays in generated/.
add_custom_command(OUTPUT "${CMAKE_BINARY_DIR}/settings.js"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/generated"
  COMMAND sh -c "\"$0\" \"$1\" --js > \"$2\"" ${BPL_NODE_FOR_SITE} $<TARGET_FILE:settings-table>
          "${CMAKE_BINARY_DIR}/generated/settings.js"
  COMMAND ${BPL_MINIFY_JS} "${CMAKE_BINARY_DIR}/generated/settings.js" "${CMAKE_BINARY_DIR}/settings.js"
  DEPENDS settings-table ${CMAKE_SOURCE_DIR}/cmake/minify_js.js
  COMMENT "Writing settings.js from the settings table"
  VERBATIM)
list(APPEND site_outputs "${CMAKE_BINARY_DIR}/settings.js")
list(APPEND site_names settings.js)
list(JOIN site_names "\n" site_list)
file(CONFIGURE OUTPUT "${CMAKE_BINARY_DIR}/site-files.txt" CONTENT "${site_list}\n")
add_custom_target(backprop-lab-site ALL DEPENDS ${site_outputs})
add_dependencies(backprop-lab backprop-lab-site)
