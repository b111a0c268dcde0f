#include "core/theory/skill_counts.h"

#include <catch2/catch.hpp>

#include <stdexcept>

using namespace slingshot;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("skill counts: paucity of stimulus (§5.4)", "[skill_counts]") {
    const StimulusCount ex = stimulusCount(10000, 8, 4, 1e10);
    CHECK_THAT(ex.seen_fraction_bound, WithinRel(1e10 * 70 / (1e4 * 9999.0 * 9998 * 9997 / 24), 1e-12));
    CHECK(ex.seen_fraction_bound < 0.0017);
    CHECK(ex.seen_fraction_bound > 0.0016);
    CHECK(ex.sets_per_piece == 70.0);
    // §5.4 Monte Carlo scale: N1 = 1000, k = 8.
    CHECK(stimulusCount(1000, 8, 2, 1e6).seen_fraction_bound == 1.0);
    CHECK_THAT(stimulusCount(1000, 8, 3, 1e5).seen_fraction_bound, WithinAbs(0.034, 5e-4));
    CHECK_THAT(stimulusCount(1000, 8, 3, 1e6).seen_fraction_bound, WithinAbs(0.337, 5e-3));
    CHECK(stimulusCount(1000, 8, 3, 0).seen_fraction_bound == 0.0);
    CHECK_THROWS_AS(stimulusCount(1000, 8, 9, 1e6), std::invalid_argument);
    CHECK_THROWS_AS(stimulusCount(5, 8, 2, 1e6), std::invalid_argument);
}
