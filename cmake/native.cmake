# Native targets: slingshot-cli, the Catch2 suite, and (when ImGui sources are present) the app
# library for headless ImGui tests.
find_package(CLI11 CONFIG REQUIRED)
find_package(Catch2 REQUIRED)
include(CTest)
include(Catch)

file(GLOB CLI_SOURCES CONFIGURE_DEPENDS src/cli/*.cpp)
# --figure draws with the app (ImGui): figure_output.cpp when the app is built below, else the stub.
list(FILTER CLI_SOURCES EXCLUDE REGEX "figure_output(_none)?\\.cpp$")
find_package(Threads REQUIRED)
add_executable(slingshot-cli ${CLI_SOURCES})
target_link_libraries(slingshot-cli PRIVATE slingshot_query CLI11::CLI11 Threads::Threads)
slingshot_warnings(slingshot-cli)

# slingshot-cli-mpi: the same CLI as the ranks of an MPI job (Debian's Open MPI: libopenmpi-dev,
# openmpi-bin). AUTO builds it when MPI is found; ON (the test command) requires it; OFF skips it.
set(SLINGSHOT_MPI AUTO CACHE STRING "build slingshot-cli-mpi: AUTO, ON or OFF")
if(NOT SLINGSHOT_MPI STREQUAL "OFF")
  if(SLINGSHOT_MPI STREQUAL "ON")
    find_package(MPI REQUIRED COMPONENTS CXX)
  else()
    find_package(MPI COMPONENTS CXX)
  endif()
endif()
if(MPI_CXX_FOUND)
  set(CLI_MPI_SOURCES ${CLI_SOURCES})
  list(FILTER CLI_MPI_SOURCES EXCLUDE REGEX "process_group_single\\.cpp$")
  add_executable(slingshot-cli-mpi ${CLI_MPI_SOURCES} src/cli/mpi/process_group_mpi.cpp src/cli/figure_output_none.cpp)
  target_link_libraries(slingshot-cli-mpi PRIVATE slingshot_query CLI11::CLI11 Threads::Threads MPI::MPI_CXX)
  slingshot_warnings(slingshot-cli-mpi)
endif()

file(GLOB CORE_TESTS CONFIGURE_DEPENDS tests/core/*.cpp tests/query/*.cpp)
# The CLI's answer CSV is tested directly, so its source is compiled into the suite as well.
add_executable(slingshot_tests tests/main.cpp ${CORE_TESTS} src/cli/answer_csv.cpp src/cli/answer_tables.cpp
  src/cli/text_source.cpp src/cli/thread_runner.cpp)
target_link_libraries(slingshot_tests PRIVATE slingshot_query Catch2::Catch2 Threads::Threads)
target_compile_definitions(slingshot_tests PRIVATE
  SLINGSHOT_CLI_PATH="$<TARGET_FILE:slingshot-cli>")
add_dependencies(slingshot_tests slingshot-cli)
if(MPI_CXX_FOUND)
  target_compile_definitions(slingshot_tests PRIVATE
    SLINGSHOT_CLI_MPI_PATH="$<TARGET_FILE:slingshot-cli-mpi>" SLINGSHOT_MPIEXEC="${MPIEXEC_EXECUTABLE}")
  add_dependencies(slingshot_tests slingshot-cli-mpi)
endif()
slingshot_warnings(slingshot_tests)
catch_discover_tests(slingshot_tests)
add_test(NAME slingshot_tests_names COMMAND ${CMAKE_COMMAND} -DBIN=$<TARGET_FILE:slingshot_tests>
         -P ${CMAKE_SOURCE_DIR}/cmake/check_test_names.cmake)

# The app's logic (views, plot widget) compiled natively and driven by ImGui frames without a window.
if(EXISTS "${IMGUI_DIR}/imgui.cpp")
  slingshot_add_imgui("")
  # ImGui's own consistency checks (IM_ASSERT) stay on in tests even in Release.
  target_compile_options(imgui PUBLIC -UNDEBUG)
  file(GLOB APP_SOURCES CONFIGURE_DEPENDS src/app/*.cpp)
  add_library(slingshot_app STATIC ${APP_SOURCES})
  target_link_libraries(slingshot_app PUBLIC slingshot_query imgui)
  slingshot_warnings(slingshot_app)
  target_sources(slingshot-cli PRIVATE src/cli/figure_output.cpp)
  target_link_libraries(slingshot-cli PRIVATE slingshot_app)
  slingshot_embed_font(slingshot-cli)
  target_compile_definitions(slingshot_tests PRIVATE SLINGSHOT_CLI_FIGURES=1)
  # A CLI figure through Debian's XML checker and SVG renderer (librsvg2-bin, libxml2-utils).
  find_program(SLINGSHOT_RSVG rsvg-convert)
  find_program(SLINGSHOT_XMLLINT xmllint)
  add_test(NAME cli_figure_svg_renders COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:slingshot-cli>
           -DRSVG=${SLINGSHOT_RSVG} -DXMLLINT=${SLINGSHOT_XMLLINT} -DOUT=${CMAKE_BINARY_DIR}/figure_render
           -P ${CMAKE_SOURCE_DIR}/cmake/check_svg_render.cmake)
  file(GLOB APP_TESTS CONFIGURE_DEPENDS tests/app/*.cpp)
  if(APP_TESTS)
    add_executable(slingshot_app_tests tests/main.cpp ${APP_TESTS})
    target_link_libraries(slingshot_app_tests PRIVATE slingshot_app Catch2::Catch2)
    slingshot_embed_font(slingshot_app_tests)
    slingshot_warnings(slingshot_app_tests)
    catch_discover_tests(slingshot_app_tests)
    add_test(NAME slingshot_app_tests_names COMMAND ${CMAKE_COMMAND} -DBIN=$<TARGET_FILE:slingshot_app_tests>
             -P ${CMAKE_SOURCE_DIR}/cmake/check_test_names.cmake)
    # Every case in one process as well: the plot widget and ImGui keep state between frames and
    # contexts, which one process per case (as ctest runs them) would never see.
    add_test(NAME slingshot_app_tests_in_one_process COMMAND slingshot_app_tests)
  endif()
else()
  target_sources(slingshot-cli PRIVATE src/cli/figure_output_none.cpp)
  message(STATUS "ImGui sources not found at ${IMGUI_DIR}: app tests and CLI figures skipped (run ./build-wasm.sh setup)")
endif()

# The engine's dependencies (standard library, Eigen, lower layers only), checked as a test.
add_test(NAME core_includes COMMAND ${CMAKE_COMMAND} -DROOT=${CMAKE_SOURCE_DIR} -P ${CMAKE_SOURCE_DIR}/cmake/check_core_includes.cmake)

# CITATION.cff and the README's BibTeX name the version the build says it is.
add_test(NAME citation_version COMMAND ${CMAKE_COMMAND} -DROOT=${CMAKE_SOURCE_DIR} -DVERSION=${PROJECT_VERSION}
         -P ${CMAKE_SOURCE_DIR}/cmake/check_citation_version.cmake)
