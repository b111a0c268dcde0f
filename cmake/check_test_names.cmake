# ctest finds Catch2 test cases by name (catch_discover_tests): a name holding ';' splits in two
# and one holding '[' or ']' swallows the names after it, and those tests then never run.
# cmake -DBIN=<test binary> -P check_test_names.cmake
# Catch2 2 exits with the number of tests listed, so the exit code says nothing here.
execute_process(COMMAND "${BIN}" --list-test-names-only OUTPUT_VARIABLE out)
if(out STREQUAL "")
  message(FATAL_ERROR "${BIN} --list-test-names-only listed nothing")
endif()
string(REGEX MATCHALL "[^\n]*[][;][^\n]*" bad "${out}")
if(bad)
  message(FATAL_ERROR "test names ctest cannot discover (no ';', '[' or ']' in a name):\n${bad}")
endif()
message(STATUS "${BIN}: every test name is discoverable")
