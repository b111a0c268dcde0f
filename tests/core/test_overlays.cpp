#include "core/theory/bounds.h"
#include "core/theory/overlays.h"
#include "core/theory/tightness.h"

#include <catch2/catch.hpp>

#include <stdexcept>

using namespace slingshot;

TEST_CASE("overlay curves: one grid c = j/200 with each theory curve at its point", "[overlays]") {
    const OverlayParams p{0.05, 8, 1000, 100000, 3};
    const OverlayCurves o = overlayCurves(p);
    REQUIRE(o.c.size() == size_t(kOverlaySteps) + 1);
    CHECK(o.c.front() == 0.0);
    CHECK(o.c.back() == 1.0);
    CHECK(o.rho == 0.01);
    CHECK(o.degree == 800);  // k N2 / N1
    for (size_t j : {size_t(0), size_t(37), size_t(120), size_t(160), size_t(199)}) {
        const double c = double(j) / 200;
        INFO("c = " << c);
        CHECK(o.c[j] == c);
        CHECK(o.thm8_competent[j] == fracCompetent(0.05, c, 8));
        CHECK(o.finite_competent[j] == fracCompetent(0.05, c, 8, 0.01));
        CHECK(o.worst_failing[j] == greedyAdversaryAlpha(0.05, 1 - c, 8));
        CHECK(o.random_failing[j] == randomYFraction(0.05, 1 - c, 800));
        CHECK(o.markov_competent[j] == markovFrac(0.05, c));
        CHECK(o.tuples_t2_competent[j] == fracTuplesT2(0.05, c, 8, 3));
    }
    // At c = 1 nothing is guaranteed and every failure set reaches every skill (tau = 0).
    CHECK(o.thm8_competent.back() == 0.0);
    CHECK(o.worst_failing.back() == 1.0);
    CHECK(o.random_failing.back() == 1.0);
    // Markov from the mean alone: theta / (1 - c) of the skills may fail, 0.05 at c = 0.
    CHECK(o.markov_competent[0] == Approx(0.95).epsilon(1e-15));
    // The exact worst case never exceeds Thm 8's bound on the failing fraction.
    for (size_t j = 0; j < o.c.size(); ++j) CHECK(o.worst_failing[j] <= 1 - o.thm8_competent[j] + 1e-12);
}

TEST_CASE("overlay curves: the typical degree is round(k N2 / N1), at least 1", "[overlays]") {
    CHECK(overlayCurves({0.1, 3, 7, 10, 2}).degree == 4);        // 30 / 7 = 4.29
    CHECK(overlayCurves({0.1, 3, 4, 10, 2}).degree == 8);        // 7.5 rounds away from zero
    CHECK(overlayCurves({0.1, 1, 1000000, 10, 2}).degree == 1);  // 1e-5, but a skill with edges has one
}

TEST_CASE("overlay curves: bad input is refused", "[overlays]") {
    CHECK_THROWS_AS(overlayCurves({-0.1, 8, 10, 10, 2}), std::invalid_argument);
    CHECK_THROWS_AS(overlayCurves({1.5, 8, 10, 10, 2}), std::invalid_argument);
    CHECK_THROWS_AS(overlayCurves({0.1, 0, 10, 10, 2}), std::invalid_argument);
    CHECK_THROWS_AS(overlayCurves({0.1, 8, 0, 10, 2}), std::invalid_argument);
    CHECK_THROWS_AS(overlayCurves({0.1, 8, 10, 0, 2}), std::invalid_argument);
    CHECK_THROWS_AS(overlayCurves({0.1, 8, 10, 10, 0}), std::invalid_argument);
}

TEST_CASE("overlay at one c: the curves' values at a grid point, Thm 8's detail beside them", "[overlays]") {
    const OverlayParams p{0.08, 6, 2000, 50000, 2};
    const OverlayCurves curves = overlayCurves(p);
    for (size_t j : {size_t(10), size_t(140), size_t(200)}) {
        const OverlayPoint at = overlayAt(p, curves.c[j]);
        INFO("c = " << curves.c[j]);
        CHECK(at.degree == curves.degree);
        CHECK(at.thm8.frac == curves.thm8_competent[j]);
        CHECK(at.finite_competent == curves.finite_competent[j]);
        CHECK(at.worst_failing == curves.worst_failing[j]);
        CHECK(at.random_failing == curves.random_failing[j]);
        CHECK(at.markov_competent == curves.markov_competent[j]);
        CHECK(at.tuples_t2_competent == curves.tuples_t2_competent[j]);
    }
    // Off the grid too, and the bound's detail is Thm 8's at rho = 0.
    const OverlayPoint at = overlayAt(p, 0.613);
    const BoundDetail d = boundDetail(0.08, 0.613, 6, 1, TupleModel::T2, 0);
    CHECK(at.thm8.alpha_star == d.alpha_star);
    CHECK(at.thm8.alpha_bound == d.alpha_bound);
    CHECK(at.worst_failing == greedyAdversaryAlpha(0.08, 1 - 0.613, 6));
    CHECK_THROWS_AS(overlayAt(p, -0.01), std::invalid_argument);
    CHECK_THROWS_AS(overlayAt(p, 1.01), std::invalid_argument);
}
