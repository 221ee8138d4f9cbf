# Robustness checks in build/native's ctest (included at the end of cmake/tests.cmake, native
# trees only): fuzz/<target> builds a libFuzzer target with clang++ and runs it on a fixed number
# of inputs; asan/<name> runs every doctest suite and the CLI and live reference checks built with
# ASan + UBSan, in the Debug -O1 tree of the `asan` preset (build/asan: engine, tests and
# xor-train only), which scripts/test.sh configures and the asan/build fixture brings up to date.
option(BPL_HARDENING_TESTS "Register the fuzz/* and asan/* ctest entries" ON)
if(BPL_SANITIZE OR NOT BPL_HARDENING_TESTS)
  return()   # the sanitized tree itself only builds what asan/* runs
endif()

# Each fuzz/* entry tries a fixed number of inputs from a fixed seed, as many on a slow or busy
# machine as on a fast one (a time limit would try fewer there); about 50 s each on this
# project's 2-core machines. Not a cache variable, so no earlier configure can change it; the
# BPL_FUZZ_RUNS environment variable overrides it for one run.
set(BPL_FUZZ_RUNS 1000000)
set(BPL_ASAN_DIR ${CMAKE_SOURCE_DIR}/build/asan)   # the asan preset's tree
set(BPL_SANITIZER_ENV "ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:abort_on_error=0"
                      "UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1")

# ---- fuzzers ------------------------------------------------------------------------------
# clang++ and libFuzzer's runtime must be there (scripts/setup.sh installs both): checked here by
# linking an empty fuzz target, so a missing one stops the configure instead of skipping tests.
find_program(BPL_FUZZ_CXX NAMES clang++ clang++-14 NO_CACHE)   # looked up afresh at every configure
if(NOT BPL_FUZZ_CXX OR NOT EXISTS "${BPL_FUZZ_CXX}")
  message(FATAL_ERROR "clang++ not found: the fuzz/* tests need it (apt-get install clang libclang-rt-dev, "
                      "or run scripts/setup.sh; -DBPL_HARDENING_TESTS=OFF leaves fuzz/* and asan/* out)")
endif()
set(probe_dir "${CMAKE_BINARY_DIR}/fuzz/probe")
file(MAKE_DIRECTORY "${probe_dir}")
file(WRITE "${probe_dir}/probe.cpp" "extern \"C\" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }\n")
execute_process(COMMAND "${BPL_FUZZ_CXX}" -fsanitize=fuzzer,address,undefined "${probe_dir}/probe.cpp" -o "${probe_dir}/probe"
                RESULT_VARIABLE probe_failed OUTPUT_VARIABLE probe_log ERROR_VARIABLE probe_log)
if(probe_failed)
  message(FATAL_ERROR "${BPL_FUZZ_CXX} cannot link a libFuzzer target with ASan + UBSan; the runtime "
                      "(libclang_rt.fuzzer, libclang_rt.asan) is in libclang-rt-dev: apt-get install libclang-rt-dev, "
                      "or run scripts/setup.sh.\n${probe_log}")
endif()
foreach(target IN ITEMS config weights_json)
  add_test(NAME fuzz/${target}
           COMMAND bash ${CMAKE_SOURCE_DIR}/tests/fuzz/run_fuzzer.sh ${target} runs=${BPL_FUZZ_RUNS} ${CMAKE_BINARY_DIR}/fuzz)
  set_tests_properties(fuzz/${target} PROPERTIES TIMEOUT 1800 ENVIRONMENT "BPL_FUZZ_CXX=${BPL_FUZZ_CXX}")
endforeach()

# ---- the native suites under AddressSanitizer + UndefinedBehaviorSanitizer ----------------
# Debug with -O1 keeps the build and the runs cheap.
add_test(NAME asan/build COMMAND sh -c "test -f \"$1/CMakeCache.txt\" || { echo \"$1 is not configured: \
run scripts/test.sh, or cmake --preset asan\"; exit 1; }; exec \"$0\" --build \"$1\" --target engine_tests xor-train"
         ${CMAKE_COMMAND} ${BPL_ASAN_DIR})
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
