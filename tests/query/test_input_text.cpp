// Quoting user input in messages: control characters escaped, cut at 40 bytes between characters.
#include "query/input_text.h"

#include <catch2/catch.hpp>

#include <string>

using namespace slingshot;

TEST_CASE("quoted input: plain text is quoted as it is", "[quoted_input]") {
    CHECK(quotedInput("0.1") == "'0.1'");
    CHECK(quotedInput("") == "''");
    CHECK(quotedInput("\u03b8 = 0.1") == "'\u03b8 = 0.1'");
}

TEST_CASE("quoted input: control characters are shown escaped, never passed on", "[quoted_input]") {
    CHECK(quotedInput(std::string("0.1\0", 4)) == "'0.1\\x00'");
    CHECK(quotedInput("a\nb\rc\td") == "'a\\nb\\rc\\td'");
    CHECK(quotedInput("\x07\x1f\x7f") == "'\\x07\\x1f\\x7f'");
    for (int c = 0; c < 0x20; ++c) {
        const std::string q = quotedInput(std::string(1, char(c)));
        INFO("byte " << c);
        CHECK(q.size() >= 4);
        for (char ch : q) CHECK(static_cast<unsigned char>(ch) >= 0x20);
    }
}

TEST_CASE("quoted input: long text is cut at 40 bytes, between characters, with an ellipsis", "[quoted_input]") {
    const std::string forty(40, 'x');
    CHECK(quotedInput(forty) == "'" + forty + "'");
    CHECK(quotedInput(forty + "y") == "'" + forty + "\u2026'");
    // 39 ASCII bytes then a two-byte character: it would end at byte 41, so it is left out whole.
    const std::string text = std::string(39, 'x') + "\u03b8";
    CHECK(quotedInput(text) == "'" + std::string(39, 'x') + "\u2026'");
    CHECK(quotedInput("abcdef", 3) == "'abc\u2026'");
}

TEST_CASE("quoted input: bytes that are not UTF-8 pass one by one and count one each", "[quoted_input]") {
    CHECK(quotedInput("\xff\xfe") == "'\xff\xfe'");
    CHECK(quotedInput("\xce") == "'\xce'");  // a lead byte without its continuation
    CHECK(quotedInput(std::string(50, '\xff')).size() == 2 + 40 + 3);
}
