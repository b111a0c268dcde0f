// Inputs the fuzzers (tests/fuzz) once crashed on, kept as tests. Each names its target and what it
// broke; the inputs are also in tests/fuzz/corpus so every fuzz run starts from them.
#include "query/query.h"

#include <catch2/catch.hpp>

#include <string>

using namespace slingshot;

namespace {

// queryText's contract: exactly one JSON object, never an exception.
Json answerOf(const std::string& command, const std::string& args) {
    std::string text;
    REQUIRE_NOTHROW(text = queryText(command, args));
    const Json j = Json::parse(text, nullptr, false);
    REQUIRE(j.is_object());
    return j;
}

}  // namespace

TEST_CASE("fuzz regression: error messages quoting bytes that are not UTF-8", "[fuzz]") {
    // fuzz_query's input 'scalingJ{"<FF><FE>": 1}' (no newline: all of it is the command name). The
    // "unknown command" message quotes the name and nlohmann's dump() threw type_error 316 inside
    // queryText's catch block: std::terminate, which in the page aborts the whole module.
    Json j = answerOf("scalingJ{\"\xff\xfe\": 1}", "");
    CHECK_THAT(j["error"].get<std::string>(), Catch::Contains("unknown command"));
    // The same bytes inside the JSON arguments are refused by the parser.
    j = answerOf("scaling", "{\"\xff\xfe\": 1}");
    CHECK(j["error"] == "arguments are not valid JSON");
    // A lone surrogate as JavaScript's stringToUTF8 encodes it (ED A0 80), as a command name.
    j = answerOf("\xed\xa0\x80", "{}");
    CHECK_THAT(j["error"].get<std::string>(), Catch::Contains("unknown command"));
    // Valid UTF-8 cut inside a character by the 40-byte quote limit ("x" then 2-byte 'é's).
    std::string accents = "x";
    for (int i = 0; i < 30; ++i) accents += "\xc3\xa9";
    j = answerOf(accents, "");
    CHECK(j.contains("error"));
    j = answerOf("scaling", "{\"preset\": \"" + accents + "\"}");
    CHECK_THAT(j["error"].get<std::string>(), Catch::Contains("--preset"));
}
