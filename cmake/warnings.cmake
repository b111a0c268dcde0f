# Warnings for our own targets only (third-party sources compile quietly).
function(slingshot_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wno-unused-parameter)
  if(SLINGSHOT_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=${SLINGSHOT_SANITIZE} -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=${SLINGSHOT_SANITIZE})
  endif()
endfunction()
