// Pasted scaling points read as text (src/query/scaling_points_text): CSV or semicolon rows, an
// optional header and comments, and messages that name the line and the column.
#include "query/scaling_points_text.h"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

using namespace slingshot;

TEST_CASE("scaling points: CSV and semicolon rows, header, messages naming the line", "[scaling_points_text]") {
    const auto p = parseScalingPoints("N,D,L\n1e9, 2e10, 2.5\r\n# comment\n\n2e9,4e10,2.4\n");
    REQUIRE(p.size() == 2);
    CHECK(p[0].n_params == 1e9);
    CHECK(p[0].d_tokens == 2e10);
    CHECK(p[1].loss == 2.4);
    CHECK(parseScalingPoints("1e9,2e10,2.5;2e9,4e10,2.4;").size() == 2);
    CHECK(parseScalingPoints("").empty());
    const auto message = [](const char* text) {
        try {
            parseScalingPoints(text);
        } catch (const std::invalid_argument& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    CHECK(message("N,D,L\n1e9,2e10,2.5\n1e9,abc,2.5") == "line 3: 'abc' is not a number (D)");
    CHECK(message("1e9,2e10\n") == "line 1: '1e9,2e10' has 2 values; expected 3: N,D,L");
    CHECK(message("1e9,2e10,2.5;1e9,2e10,0") == "line 2: '0' must be a finite number > 0 (L)");
    CHECK(message("1e9,2e10,2.5\nN,D,L") == "line 2: 'N' is not a number (N)");
    CHECK(message("1e9,2e10,inf").find("finite") != std::string::npos);
    CHECK(message("1e9,2e10,2.5x").find("not a number") != std::string::npos);
}
