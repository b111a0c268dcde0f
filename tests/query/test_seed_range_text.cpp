#include "query/seed_range_text.h"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

using namespace slingshot;
using Catch::Matchers::Contains;

namespace {

std::string errorOf(const std::string& text) {
    try {
        parseSeedRange(text);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("seed ranges: A..B, one seed, both ends included", "[seed_range_text]") {
    const SeedRange r = parseSeedRange("3..10");
    CHECK(r.first == 3);
    CHECK(r.last == 10);
    CHECK(r.count() == 8);
    CHECK(parseSeedRange("7").count() == 1);
    CHECK(parseSeedRange("0..0").first == 0);
    CHECK(parseSeedRange("9007199254740000..9007199254740992").count() == 993);
    CHECK(parseSeedRange("1..1024").count() == kMaxEnsembleSeeds);
}

TEST_CASE("seed ranges refuse what is not A..B with A <= B", "[seed_range_text]") {
    CHECK_THAT(errorOf(""), Contains("A..B"));
    CHECK_THAT(errorOf("1-8"), Contains("A..B"));
    CHECK_THAT(errorOf("1..."), Contains("A..B"));
    CHECK_THAT(errorOf("..4"), Contains("A..B"));
    CHECK_THAT(errorOf("-1..4"), Contains("A..B"));
    CHECK_THAT(errorOf("1.5..4"), Contains("A..B"));
    CHECK_THAT(errorOf(" 1..4"), Contains("A..B"));
    CHECK_THAT(errorOf("8..1"), Contains("below the first"));
    CHECK_THAT(errorOf("1..1025"), Contains("at most 1024 seeds"));
    CHECK_THAT(errorOf("1..9007199254740993"), Contains("2^53"));
}
