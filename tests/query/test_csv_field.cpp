// One CSV field as RFC 4180 writes it (src/query/csv_field).
#include "query/csv_field.h"

#include <catch2/catch.hpp>

#include <string>

using namespace slingshot;

TEST_CASE("csv field: plain text is written as it is", "[csv_field]") {
    CHECK(csvField("frac") == "frac");
    CHECK(csvField("") == "");
    CHECK(csvField("1e-300") == "1e-300");
    CHECK(csvField(" padded ") == " padded ");  // spaces need no quotes
    CHECK(csvField("\u03b8 = 0.1; c") == "\u03b8 = 0.1; c");
}

TEST_CASE("csv field: a comma, quote or line break puts the field in quotes, inner quotes doubled", "[csv_field]") {
    CHECK(csvField("a,b") == "\"a,b\"");
    CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csvField("\"") == "\"\"\"\"");
    CHECK(csvField("line\nbreak") == "\"line\nbreak\"");
    CHECK(csvField("cr\r") == "\"cr\r\"");
    CHECK(csvField(",") == "\",\"");
    // Reading the field back (strip the outer quotes, undouble) gives the text.
    const std::string text = "x,\"y\"\n\"\"z";
    std::string quoted = csvField(text), back;
    REQUIRE(quoted.size() >= 2);
    for (size_t i = 1; i + 1 < quoted.size(); ++i) {
        back += quoted[i];
        if (quoted[i] == '"') ++i;
    }
    CHECK(back == text);
}
