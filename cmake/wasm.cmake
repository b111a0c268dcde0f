# WebAssembly: the page (ImGui + SDL2 + WebGL2) and node builds of the benchmarks.
option(SLINGSHOT_PAGE "build the page (needs ImGui and SDL2-for-wasm from build-wasm.sh setup)" ON)

if(SLINGSHOT_PAGE)
  if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp" OR NOT EXISTS "${SDL2_WASM_DIR}/lib/libSDL2.a")
    message(FATAL_ERROR "ImGui or SDL2-for-wasm missing under ${SLINGSHOT_CACHE}: run ./build-wasm.sh setup")
  endif()
  # Our SDL2 headers must come before Emscripten's bundled SDL1 headers.
  set(SDL2_INCLUDE "${SDL2_WASM_DIR}/include/SDL2")
  slingshot_add_imgui("${SDL2_INCLUDE}")
  # The UI and the front doors' layer (argument parsing, JSON) are not where time goes (the engine
  # is): optimise them for size.
  target_compile_options(slingshot_query PRIVATE -Os)
  target_compile_options(imgui PRIVATE -Os)
  target_compile_options(imgui_backends PRIVATE -Os)

  file(GLOB APP_SOURCES CONFIGURE_DEPENDS src/app/*.cpp)
  file(GLOB PLATFORM_SOURCES CONFIGURE_DEPENDS src/platform/*.cpp)
  # The app is compiled once and linked twice: the page (slingshot.js + slingshot.wasm) and, on
  # request (not in `all`), the same page with the wasm inside the JS, slingshot-single.js, which
  # build-wasm.sh dist inlines into dist/slingshot.html.
  add_library(slingshot_page OBJECT ${APP_SOURCES} ${PLATFORM_SOURCES})
  target_include_directories(slingshot_page SYSTEM BEFORE PRIVATE "${SDL2_INCLUDE}")
  target_link_libraries(slingshot_page PRIVATE slingshot_query imgui_backends)
  slingshot_embed_font(slingshot_page)
  slingshot_warnings(slingshot_page)
  target_compile_options(slingshot_page PRIVATE -Os)
  add_executable(slingshot $<TARGET_OBJECTS:slingshot_page>)
  add_executable(slingshot-single EXCLUDE_FROM_ALL $<TARGET_OBJECTS:slingshot_page>)
  foreach(page slingshot slingshot-single)
    set_target_properties(${page} PROPERTIES SUFFIX ".js")
    target_link_libraries(${page} PRIVATE slingshot_query imgui_backends "${SDL2_WASM_DIR}/lib/libSDL2.a")
    target_link_options(${page} PRIVATE
      -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
      -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=64MB -sMAXIMUM_MEMORY=4GB
      -sENVIRONMENT=web,worker -sFILESYSTEM=0 -sDYNAMIC_EXECUTION=0
      -sEXPORTED_FUNCTIONS=_main,_slingshot_query,_malloc,_free,_slingshot_engine_deliver,_slingshot_engine_fail,_slingshot_worker_start,_slingshot_worker_step,_slingshot_worker_news_size,_slingshot_worker_stop
      -sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString)
  endforeach()
  target_link_options(slingshot-single PRIVATE -sSINGLE_FILE=1)
endif()
