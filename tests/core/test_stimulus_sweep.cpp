#include "core/theory/bounds.h"
#include "core/theory/emergence.h"
#include "core/theory/skill_counts.h"
#include "core/theory/stimulus_sweep.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>
#include <vector>

using namespace slingshot;
using Catch::Matchers::WithinRel;

TEST_CASE("stimulus sweep: at N, the pieces of D(N) and theta(N) give the seen and guaranteed fractions",
          "[stimulus_sweep]") {
    EmergenceModel m;  // Hoffmann 2022, D = 20 N, theta = excess, T2, k = 8, c = 0.8
    const StimulusAt s = stimulusAt(m, 10000, 4, 100, 1e13);
    CHECK(s.d_tokens == 2e14);
    CHECK(s.n_train == 2e12);
    const ScalingLaw h = hoffmann2022();
    const double excess = h.A / std::pow(1e13, h.a) + h.B / std::pow(2e14, h.b);
    CHECK_THAT(s.theta.theta, WithinRel(excess, 1e-12));
    CHECK(s.seen_fraction_bound == stimulusCount(10000, 8, 4, 2e12).seen_fraction_bound);
    CHECK(s.guaranteed_fraction == fracTuplesT2(s.theta.theta, 0.8, 8, 4));
    CHECK(s.unseen_competent_fraction_min == std::max(0.0, s.guaranteed_fraction - s.seen_fraction_bound));
    // k' above k: no piece shows such a set.
    CHECK(stimulusAt(m, 10000, 9, 100, 1e13).seen_fraction_bound == 0.0);
}

TEST_CASE("stimulus sweep: log-spaced N, one curve a k', each point as stimulusAt gives it", "[stimulus_sweep]") {
    EmergenceModel m;
    const std::vector<int> kprimes = {2, 4};
    const StimulusSweep sweep = sweepStimulus(m, 10000, kprimes, 100, 1e9, 1e17, 9);
    REQUIRE(sweep.n_params.size() == 9);
    CHECK(sweep.n_params.front() == 1e9);
    CHECK_THAT(sweep.n_params[4], WithinRel(1e13, 1e-12));
    CHECK_THAT(sweep.n_params.back(), WithinRel(1e17, 1e-12));
    REQUIRE(sweep.curves.size() == 2);
    CHECK(sweep.curves[1].kprime == 4);
    const StimulusAt direct = stimulusAt(m, 10000, 4, 100, sweep.n_params[4]);
    CHECK(sweep.curves[1].points[4].seen_fraction_bound == direct.seen_fraction_bound);
    CHECK(sweep.curves[1].points[4].guaranteed_fraction == direct.guaranteed_fraction);
    // More data per piece count: the seen fraction never falls as N grows.
    for (size_t j = 1; j < 9; ++j)
        CHECK(sweep.curves[0].points[j].seen_fraction_bound >= sweep.curves[0].points[j - 1].seen_fraction_bound);
    CHECK_THROWS_AS(sweepStimulus(m, 10000, kprimes, 100, 1e9, 1e17, 1), std::invalid_argument);
    CHECK_THROWS_AS(sweepStimulus(m, 10000, kprimes, 100, 1e17, 1e9, 5), std::invalid_argument);
    CHECK_THROWS_AS(stimulusAt(m, 10000, 2, 0, 1e13), std::invalid_argument);
    m.k = 7.5;
    CHECK_THROWS_AS(stimulusAt(m, 10000, 2, 100, 1e13), std::invalid_argument);
}
