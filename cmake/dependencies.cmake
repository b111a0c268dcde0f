# Header-only libraries from Debian (Eigen, nlohmann-json). For em++ we must not add /usr/include
# itself (it would shadow Emscripten's libc), so the headers are staged into the build tree.
set(STAGED "${CMAKE_BINARY_DIR}/staged-include")
file(MAKE_DIRECTORY "${STAGED}")
foreach(pair "Eigen:/usr/include/eigen3/Eigen"
             "nlohmann:/usr/include/nlohmann")
  string(REPLACE ":" ";" parts "${pair}")
  list(GET parts 0 link)
  list(GET parts 1 target)
  if(NOT EXISTS "${target}")
    message(FATAL_ERROR "missing ${target}: run ./build-wasm.sh setup")
  endif()
  if(NOT EXISTS "${STAGED}/${link}")
    file(CREATE_LINK "${target}" "${STAGED}/${link}" SYMBOLIC)
  endif()
endforeach()
# Two targets over the one staged folder, so that what links only the engine says it needs Eigen alone.
add_library(slingshot_eigen INTERFACE)
target_include_directories(slingshot_eigen SYSTEM INTERFACE "${STAGED}")
add_library(slingshot_json INTERFACE)
target_include_directories(slingshot_json SYSTEM INTERFACE "${STAGED}")

# Dear ImGui as a static library (sources from the cache), with the SDL2 + OpenGL3 backends.
function(slingshot_add_imgui sdl_include_dirs)
  set(IMGUI_SOURCES ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
      ${IMGUI_DIR}/imgui_widgets.cpp)
  add_library(imgui STATIC ${IMGUI_SOURCES})
  target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR})
  target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
  if(sdl_include_dirs)
    add_library(imgui_backends STATIC ${IMGUI_DIR}/backends/imgui_impl_sdl2.cpp
                ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
    target_include_directories(imgui_backends SYSTEM BEFORE PUBLIC ${sdl_include_dirs} ${IMGUI_DIR}/backends)
    target_link_libraries(imgui_backends PUBLIC imgui)
  endif()
endfunction()

# The TTF font compiled into the binary (no file system in the page, no external request).
function(slingshot_embed_font target)
  set(out "${CMAKE_BINARY_DIR}/generated/embedded_font.cpp")
  add_custom_command(OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DIN=${SLINGSHOT_FONT} -DOUT=${out} -P ${CMAKE_SOURCE_DIR}/cmake/embed_file.cmake
    DEPENDS "${SLINGSHOT_FONT}" ${CMAKE_SOURCE_DIR}/cmake/embed_file.cmake
    COMMENT "Embedding font ${SLINGSHOT_FONT}")
  target_sources(${target} PRIVATE "${out}")
endfunction()
