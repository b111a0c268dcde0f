# libFuzzer targets (tests/fuzz/fuzz_*.cpp), clang only:
#   cmake -S . -B build/fuzz -DCMAKE_CXX_COMPILER=clang++ -DSLINGSHOT_FUZZ=ON
#   ./build-wasm.sh fuzz [SECONDS] builds and runs them with the seed corpus in tests/fuzz/corpus/.
# The engine and the query layer are compiled with coverage feedback and ASan + UBSan (no recovery: UB is a crash).
option(SLINGSHOT_FUZZ "build the libFuzzer targets in tests/fuzz (clang only)" OFF)

if(SLINGSHOT_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "SLINGSHOT_FUZZ needs clang (libFuzzer); configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  set(SLINGSHOT_FUZZ_SAN -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_compile_options(slingshot_core PRIVATE -fsanitize=fuzzer-no-link ${SLINGSHOT_FUZZ_SAN})
  target_compile_options(slingshot_query PRIVATE -fsanitize=fuzzer-no-link ${SLINGSHOT_FUZZ_SAN})
  # Anything linking the instrumented engine needs the sanitizer runtimes.
  target_link_options(slingshot_core INTERFACE -fsanitize=address,undefined)

  file(GLOB FUZZ_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_*.cpp)
  set(SLINGSHOT_FUZZ_TARGETS "")
  foreach(src ${FUZZ_SOURCES})
    get_filename_component(name ${src} NAME_WE)
    add_executable(${name} ${src})
    target_link_libraries(${name} PRIVATE slingshot_query)
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer ${SLINGSHOT_FUZZ_SAN}
                           -Wall -Wextra -Wpedantic -Wshadow)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer ${SLINGSHOT_FUZZ_SAN})
    list(APPEND SLINGSHOT_FUZZ_TARGETS ${name})
  endforeach()
  add_custom_target(fuzz_targets DEPENDS ${SLINGSHOT_FUZZ_TARGETS})
endif()
