#include "cli/text_source.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

using namespace slingshot;

TEST_CASE("text source: the text itself, @FILE or - for standard input", "[text_source]") {
    std::istringstream in("N,D,L\n1,2,3\n");
    CHECK(textArgument("1e9,2e10,2.5", in) == "1e9,2e10,2.5");
    CHECK(textArgument("-", in) == "N,D,L\n1,2,3\n");
    const std::string path = "text_source_test_points.csv";
    {
        std::ofstream out(path, std::ios::binary);
        out << "N,D,L\r\n1e9,2e10,2.5\n";
    }
    std::istringstream none;
    CHECK(textArgument("@" + path, none) == "N,D,L\r\n1e9,2e10,2.5\n");
    std::remove(path.c_str());
    CHECK_THROWS_WITH(textArgument("@" + path, none), Catch::Contains("cannot read 'text_source_test_points.csv'"));
    CHECK(textArgument("", none).empty());
}

TEST_CASE("text source: a value with no separator looks like a file name", "[text_source]") {
    CHECK(looksLikeFileName("runs.csv"));
    CHECK(looksLikeFileName("data/runs"));
    CHECK_FALSE(looksLikeFileName("1..8"));  // a seed range
    CHECK_FALSE(looksLikeFileName("2.5e9"));
    CHECK_FALSE(looksLikeFileName("1e9,2e10,2.5"));
    CHECK_FALSE(looksLikeFileName("1e9;2e10"));
    CHECK_FALSE(looksLikeFileName("@runs.csv"));
    CHECK_FALSE(looksLikeFileName("-"));
    CHECK_FALSE(looksLikeFileName(""));
}
