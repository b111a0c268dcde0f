// User input as the front doors read and quote it (src/query/input_text): the strict number parser,
// and quotes with control characters escaped, cut at 40 bytes between characters.
#include "query/input_text.h"

#include <catch2/catch.hpp>

#include <cmath>
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

TEST_CASE("strict number: the whole text is one number as strtod reads it, nothing around it", "[strict_number]") {
    CHECK(strictNumber("0.5") == 0.5);
    CHECK(strictNumber("1e10") == 1e10);
    CHECK(strictNumber("-3") == -3.0);
    CHECK(strictNumber("+2") == 2.0);
    CHECK(strictNumber("0x10") == 16.0);  // strtod reads hex
    CHECK(std::isinf(*strictNumber("inf")));
    CHECK(std::isnan(*strictNumber("nan")));
    for (const char* bad : {"", " 0.5", "\t1", "\n1", "0.5 ", "0.5x", "1,5", "abc", "1e", "--1"}) {
        INFO("'" << bad << "'");
        CHECK_FALSE(strictNumber(bad).has_value());
    }
    CHECK_FALSE(strictNumber(std::string("1\0", 2)).has_value());  // the NUL is part of the text
    CHECK(strictNumber(std::string(64, '1')).has_value());
    CHECK_FALSE(strictNumber(std::string(65, '1')).has_value());
}
