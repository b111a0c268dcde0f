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
  # 32-bit indices: WebGL2 has no glDrawElementsBaseVertex, so ImGui's VtxOffset path for draw lists
  # past 65536 vertices (a dense plot on a phone-sized embed) is off there, and 16-bit indices wrap.
  target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS "ImDrawIdx=unsigned int")
  if(sdl_include_dirs)
    add_library(imgui_backends STATIC ${IMGUI_DIR}/backends/imgui_impl_sdl2.cpp
                ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
    target_include_directories(imgui_backends SYSTEM BEFORE PUBLIC ${sdl_include_dirs} ${IMGUI_DIR}/backends)
    target_link_libraries(imgui_backends PUBLIC imgui)
  endif()
endfunction()

# The TTF font compiled into the binary (no file system in the page, no external request), cut down
# to the characters the sources print (cmake/font_subset.py), with the glyph ranges of the same set.
find_program(SLINGSHOT_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH)
function(slingshot_embed_font target)
  set(dir "${CMAKE_BINARY_DIR}/generated")
  set(subset "${dir}/font_subset.ttf")
  set(ranges "${dir}/font_glyph_ranges.cpp")
  set(out "${dir}/embedded_font.cpp")
  file(GLOB_RECURSE printed CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/*.cpp ${CMAKE_SOURCE_DIR}/src/*.h)
  if(NOT TARGET slingshot_font_subset)
    if(NOT SLINGSHOT_PYTHON3)
      message(FATAL_ERROR "/usr/bin/python3 not found (Debian's python3 with python3-fonttools; ./build-wasm.sh setup)")
    endif()
    add_custom_command(OUTPUT "${subset}" "${ranges}"
      COMMAND ${CMAKE_COMMAND} -E make_directory "${dir}"
      COMMAND ${SLINGSHOT_PYTHON3} ${CMAKE_SOURCE_DIR}/cmake/font_subset.py ${CMAKE_SOURCE_DIR}/src
              ${SLINGSHOT_FONT} "${subset}" "${ranges}"
      DEPENDS "${SLINGSHOT_FONT}" ${CMAKE_SOURCE_DIR}/cmake/font_subset.py ${printed}
      COMMENT "Subsetting font ${SLINGSHOT_FONT} to the characters the app prints")
    add_custom_command(OUTPUT "${out}"
      COMMAND ${CMAKE_COMMAND} -DIN=${subset} -DOUT=${out} -P ${CMAKE_SOURCE_DIR}/cmake/embed_file.cmake
      DEPENDS "${subset}" ${CMAKE_SOURCE_DIR}/cmake/embed_file.cmake
      COMMENT "Embedding the font subset")
    add_custom_target(slingshot_font_subset DEPENDS "${out}" "${ranges}")
  endif()
  add_dependencies(${target} slingshot_font_subset)
  target_sources(${target} PRIVATE "${out}" "${ranges}")
endfunction()
