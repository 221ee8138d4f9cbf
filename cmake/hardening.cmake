# Robustness checks in build/native's ctest (included at the end of cmake/tests.cmake, native
# trees only): fuzz/<target> builds a libFuzzer target with clang++ and runs it for a bounded
# time; asan/<name> runs every doctest suite and the CLI and live reference checks built with
# ASan + UBSan, in a Debug -O1 tree of the engine, tests and xor-train only (<build>/asan,
# configured and built by the asan/build fixture).
option(BPL_HARDENING_TESTS "Register the fuzz/* and asan/* ctest entries" ON)
if(BPL_SANITIZE OR NOT BPL_HARDENING_TESTS)
  return()   # the sanitized tree itself only builds what asan/* runs
endif()

set(BPL_FUZZ_SECONDS 60 CACHE STRING "Seconds each fuzz/* entry runs (the BPL_FUZZ_SECONDS environment variable overrides)")
set(BPL_ASAN_DIR ${CMAKE_BINARY_DIR}/asan)
set(BPL_SANITIZER_ENV "ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:abort_on_error=0"
                      "UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1")

# ---- fuzzers ------------------------------------------------------------------------------
# run_fuzzer.sh exits 77 when clang++ or libFuzzer is missing: ctest reports "Skipped".
foreach(target IN ITEMS config weights_json)
  add_test(NAME fuzz/${target}
           COMMAND bash ${CMAKE_SOURCE_DIR}/tests/fuzz/run_fuzzer.sh ${target} ${BPL_FUZZ_SECONDS} ${CMAKE_BINARY_DIR}/fuzz)
  set_tests_properties(fuzz/${target} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 1800)
endforeach()

# ---- the native suites under AddressSanitizer + UndefinedBehaviorSanitizer ----------------
# Same compiler as this tree; Debug with -O1 keeps the build and the runs cheap.
add_test(NAME asan/build
         COMMAND sh -c "\"${CMAKE_COMMAND}\" -S \"${CMAKE_SOURCE_DIR}\" -B \"${BPL_ASAN_DIR}\" \
-DCMAKE_CXX_COMPILER=\"${CMAKE_CXX_COMPILER}\" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG='-g -O1' \
-DBPL_SANITIZE=ON -DBPL_WEB_TESTS=OFF >\"${CMAKE_BINARY_DIR}/asan-configure.log\" 2>&1 \
|| { cat \"${CMAKE_BINARY_DIR}/asan-configure.log\"; exit 1; }; \
\"${CMAKE_COMMAND}\" --build \"${BPL_ASAN_DIR}\" --target engine_tests xor-train -j 2")
set_tests_properties(asan/build PROPERTIES FIXTURES_SETUP bpl_asan TIMEOUT 1800)

foreach(test_file IN LISTS BPL_TEST_FILES)
  get_filename_component(stem "${test_file}" NAME_WE)
  string(REGEX REPLACE "^test_" "" name "${stem}")
  add_test(NAME asan/${name} COMMAND ${BPL_ASAN_DIR}/engine_tests --source-file=*${stem}.cpp --no-version)
  set_tests_properties(asan/${name} PROPERTIES FIXTURES_REQUIRED bpl_asan ENVIRONMENT "${BPL_SANITIZER_ENV}")
endforeach()

# The CLI table (bad flags, values and files included) against the sanitized xor-train: any
# sanitizer report changes its exit status and stderr, so the script fails.
add_test(NAME asan/cli COMMAND ${BPL_PYTHON} ${BPL_CLI_TEST} ${BPL_ASAN_DIR}/xor-train)
set_tests_properties(asan/cli PROPERTIES FIXTURES_REQUIRED bpl_asan ENVIRONMENT "${BPL_SANITIZER_ENV}")
add_test(NAME asan/reference_live COMMAND ${BPL_PYTHON} ${BPL_REFERENCE_LIVE_TEST} --same-exp ${BPL_ASAN_DIR}/xor-train)
set_tests_properties(asan/reference_live PROPERTIES FIXTURES_REQUIRED bpl_asan ENVIRONMENT "${BPL_SANITIZER_ENV}")
