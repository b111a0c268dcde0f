#include "core/theory/skill_counts.h"

#include <catch2/catch.hpp>

#include <cmath>
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
    CHECK_THROWS_AS(stimulusCount(5, 8, 2, 1e6), std::invalid_argument);
}

TEST_CASE("skill counts: k'-sets larger than a piece are never seen, C(n, n) is exactly one set", "[skill_counts]") {
    // The headline of the paucity argument: no piece of k skills shows a k'-set with k' > k.
    const StimulusCount big = stimulusCount(1000, 8, 9, 1e30);
    CHECK(big.seen_fraction_bound == 0.0);
    CHECK(big.sets_per_piece == 0.0);
    CHECK_THAT(big.log10_sets_total,
               WithinRel(std::log10(1000.0 * 999 * 998 * 997 * 996 * 995 * 994 * 993 * 992 / 362880.0), 1e-12));
    // C(1000, 1000) = 1 and C(1000, 999) = 1000, by the shorter product.
    CHECK(stimulusCount(1000, 8, 1000, 1).log10_sets_total == 0.0);
    CHECK_THAT(stimulusCount(1000, 8, 999, 1).log10_sets_total, WithinRel(3.0, 1e-14));
    CHECK(stimulusCount(8, 8, 8, 1).seen_fraction_bound == 1.0);  // the one 8-set of 8 skills is seen
    CHECK_THROWS_AS(stimulusCount(1000, 8, 1001, 1), std::invalid_argument);
}
