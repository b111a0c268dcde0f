# cmake -DIN=file -DOUT=file.cpp -P embed_file.cmake : a byte array `slingshot_embedded_font`.
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" n)
math(EXPR bytes "${n} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
file(WRITE "${OUT}" "// Generated from ${IN}; do not edit.\n#include <cstddef>\n"
  "extern const unsigned char slingshot_embedded_font[] = {${body}};\n"
  "extern const std::size_t slingshot_embedded_font_size = ${bytes};\n")
