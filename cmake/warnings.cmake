# Warnings for our own targets only (third-party sources compile quietly).
function(slingshot_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wno-unused-parameter)
  if(SLINGSHOT_SANITIZE)
    # No recovery: the first report (UBSan included) aborts, so ctest counts it as a failure.
    target_compile_options(${target} PRIVATE -fsanitize=${SLINGSHOT_SANITIZE} -fno-sanitize-recover=all
                           -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=${SLINGSHOT_SANITIZE} -fno-sanitize-recover=all)
  endif()
endfunction()
