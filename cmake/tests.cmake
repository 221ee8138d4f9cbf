# Test registration. One ctest run in build/native counts everything: the native doctest
# suites (one ctest entry per test file), the CLI checks, and with BPL_WEB_TESTS=ON the same
# suites compiled to WASM and run under Node, plus the browser tests against build/web.
# Debian's doctest-dev header, copied into a folder of its own: pointing em++ at /usr/include
# would pull glibc's headers into the WASM build.
set(BPL_DOCTEST_HEADER /usr/include/doctest/doctest.h)
if(NOT EXISTS ${BPL_DOCTEST_HEADER})
  message(FATAL_ERROR "doctest not found at ${BPL_DOCTEST_HEADER}: run scripts/setup.sh (installs doctest-dev)")
endif()
set(DOCTEST_INCLUDE_DIR ${CMAKE_BINARY_DIR}/doctest-include)
configure_file(${BPL_DOCTEST_HEADER} ${DOCTEST_INCLUDE_DIR}/doctest/doctest.h COPYONLY)
find_program(BPL_NODE node REQUIRED NO_CACHE)   # looked up afresh: never a stale path from an earlier configure
set(BPL_PYTHON /usr/bin/python3)   # Debian's interpreter: the one with python3-numpy

file(GLOB BPL_GOLDEN_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/reference/golden/*.txt)
if(NOT BPL_GOLDEN_FILES)
  message(FATAL_ERROR "No golden reference outputs in tests/reference/golden/ (tests/test_reference.cpp "
                      "compares the engine with them): run /usr/bin/python3 tests/reference/make_golden.py")
endif()
# The scripts behind the CLI and live-reference entries (here and in cmake/hardening.cmake).
set(BPL_CLI_TEST ${CMAKE_SOURCE_DIR}/tests/cli/cli_test.py)
set(BPL_REFERENCE_LIVE_TEST ${CMAKE_SOURCE_DIR}/tests/reference/compare_cli.py)
bpl_require_files("test scripts (part of the repository: git checkout -- tests)" ${BPL_CLI_TEST} ${BPL_REFERENCE_LIVE_TEST})

# One test program for the engine and the lab (the page's platform-free model), native and WASM.
add_executable(engine_tests ${CMAKE_SOURCE_DIR}/tests/doctest_main.cpp ${BPL_TEST_FILES})
target_link_libraries(engine_tests PRIVATE bpl_lab bpl_engine)
# The page's colour tables are plain headers in web/ui and web/render (tests/test_theme_contrast.cpp);
# tests/structure/check_layers.py lets a test include only web headers free of platform headers.
target_include_directories(engine_tests PRIVATE ${DOCTEST_INCLUDE_DIR} ${CMAKE_SOURCE_DIR}/tests
                           ${CMAKE_SOURCE_DIR}/web/ui ${CMAKE_SOURCE_DIR}/web/render)
target_compile_options(engine_tests PRIVATE ${BPL_WARNINGS})
bpl_embed_files(engine_tests golden_outputs.hpp bpl_golden text ${BPL_GOLDEN_FILES})
target_compile_definitions(engine_tests PRIVATE BPL_HAVE_GOLDEN=1)
if(EMSCRIPTEN)
  target_compile_options(engine_tests PRIVATE -fexceptions)
  target_link_options(engine_tests PRIVATE -fexceptions -sWASM_ASYNC_COMPILATION=0 -sENVIRONMENT=node
                      -sALLOW_MEMORY_GROWTH=1 -sEXIT_RUNTIME=1)
endif()

if(EMSCRIPTEN)
  return()   # the web tree only builds the WASM artefacts; build/native's ctest runs them
endif()

foreach(test_file IN LISTS BPL_TEST_FILES)
  get_filename_component(stem "${test_file}" NAME_WE)
  string(REGEX REPLACE "^test_" "" name "${stem}")
  add_test(NAME native/${name} COMMAND engine_tests --source-file=*${stem}.cpp --no-version)
  if(BPL_WEB_TESTS)
    add_test(NAME wasm/${name}
             COMMAND ${BPL_NODE} ${BPL_WEB_BUILD_DIR}/engine_tests.js --source-file=*${stem}.cpp --no-version)
  endif()
endforeach()

# CLI checks: the same script drives the native binary and the WASM build under node.
add_test(NAME native/cli COMMAND ${BPL_PYTHON} ${BPL_CLI_TEST} $<TARGET_FILE:xor-train>)
if(BPL_WEB_TESTS)
  add_test(NAME wasm/cli COMMAND ${BPL_PYTHON} ${BPL_CLI_TEST} ${BPL_NODE} ${BPL_WEB_BUILD_DIR}/xor-train.js)
endif()
# The reference NumPy program run live against xor-train on initial weights it has never seen.
# --same-exp: the native build calls glibc's exp, as the pinned reference does: bit for bit.
add_test(NAME native/reference_live COMMAND ${BPL_PYTHON} ${BPL_REFERENCE_LIVE_TEST} --same-exp $<TARGET_FILE:xor-train>)
if(BPL_WEB_TESTS)
  add_test(NAME wasm/reference_live COMMAND ${BPL_PYTHON} ${BPL_REFERENCE_LIVE_TEST}
           ${BPL_NODE} ${BPL_WEB_BUILD_DIR}/xor-train.js)
endif()

# Browser tests: each tests/browser/*.test.mjs is one ctest entry, run by node's test runner.
if(BPL_WEB_TESTS)
  foreach(test_file IN LISTS BPL_BROWSER_TESTS)
    get_filename_component(name "${test_file}" NAME_WE)
    add_test(NAME browser/${name} COMMAND ${BPL_NODE} --test ${test_file})
    set_tests_properties(browser/${name} PROPERTIES
      ENVIRONMENT "BPL_WEB_DIR=${BPL_WEB_BUILD_DIR};BPL_SCREENSHOT_DIR=${CMAKE_SOURCE_DIR}/build/screenshots"
      TIMEOUT 900 RESOURCE_LOCK chromium)
  endforeach()

  # The WASM and browser entries test whatever is in BPL_WEB_BUILD_DIR: this entry brings it up
  # to date first (a no-op after scripts/test.sh), so a web tree built from older sources, or
  # not built at all, can never be what passes.
  add_test(NAME web/build COMMAND sh -c "test -f \"$1/CMakeCache.txt\" || { echo \"$1 is not configured: \
run scripts/test.sh, or cmake --preset web -DBPL_DEPS_DIR=<the folder scripts/setup.sh prints last>\"; exit 1; }; \
exec \"$0\" --build \"$1\"" ${CMAKE_COMMAND} ${BPL_WEB_BUILD_DIR})
  set_tests_properties(web/build PROPERTIES FIXTURES_SETUP bpl_web TIMEOUT 1800 ENVIRONMENT "NODE_PATH=/usr/share/nodejs")
  get_property(registered DIRECTORY PROPERTY TESTS)
  list(FILTER registered INCLUDE REGEX "^(wasm|browser)/")
  set_tests_properties(${registered} PROPERTIES FIXTURES_REQUIRED bpl_web)
endif()

# The layers: who may include what (engine, lab, web/render, web/ui, web/platform) and no include
# cycle between modules; the self-test first proves the check catches each kind of problem.
set(BPL_LAYER_CHECK ${CMAKE_SOURCE_DIR}/tests/structure/check_layers.py)
bpl_require_files("the layering check (part of the repository: git checkout -- tests)" ${BPL_LAYER_CHECK})
add_test(NAME native/layers COMMAND ${BPL_PYTHON} ${BPL_LAYER_CHECK} --root ${CMAKE_SOURCE_DIR})
add_test(NAME native/layers_self_test COMMAND ${BPL_PYTHON} ${BPL_LAYER_CHECK} --self-test)
# The README's URL table is the settings table (engine/settings.cpp).
set(BPL_README_SETTINGS_CHECK ${CMAKE_SOURCE_DIR}/tests/structure/readme_settings.py)
bpl_require_files("the README table check (part of the repository: git checkout -- tests)" ${BPL_README_SETTINGS_CHECK})
add_test(NAME native/readme_settings
         COMMAND ${BPL_PYTHON} ${BPL_README_SETTINGS_CHECK} $<TARGET_FILE:settings-table> -- ${CMAKE_SOURCE_DIR}/README.md)

# The page shell's stylesheet: contrast of its text colours in both themes, and its colours equal
# to the canvas's (web/ui/theme_colors.hpp); the self-test first proves it catches each problem.
set(BPL_CSS_CHECK ${CMAKE_SOURCE_DIR}/tests/structure/css_contrast.py)
bpl_require_files("the stylesheet check (part of the repository: git checkout -- tests)" ${BPL_CSS_CHECK})
add_test(NAME native/css_contrast COMMAND ${BPL_PYTHON} ${BPL_CSS_CHECK} ${CMAKE_SOURCE_DIR}/site/style.css
                                          ${CMAKE_SOURCE_DIR}/web/ui/theme_colors.hpp)
add_test(NAME native/css_contrast_self_test COMMAND ${BPL_PYTHON} ${BPL_CSS_CHECK} --self-test)

# Fuzzers (clang + libFuzzer) and the suites under ASan + UBSan.
include(cmake/hardening.cmake)

# Every entry runs with the same locale and time zone, whatever the caller's (nothing here should
# depend on them; Python decodes the programs' UTF-8 output by the locale, Chromium formats by it).
get_property(registered DIRECTORY PROPERTY TESTS)
set_property(TEST ${registered} APPEND PROPERTY ENVIRONMENT "LC_ALL=C.UTF-8" "TZ=UTC")

