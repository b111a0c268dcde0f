#include "core/theory/scaling_examples.h"
#include "query/scaling_points_text.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>

using namespace slingshot;

TEST_CASE("scaling examples: a noisy grid of the law, read back by the parser, fits back", "[scaling_examples]") {
    const ScalingLaw truth = hoffmann2022();
    const auto pts = exampleScalingPoints(truth, 7);
    REQUIRE(pts.size() == 25);
    CHECK(pts.front().n_params == Approx(7e7));
    CHECK(pts.back().n_params == Approx(1.6e10));
    CHECK(pts.back().d_tokens == Approx(5e11));
    for (const auto& p : pts) CHECK(std::fabs(std::log(p.loss / loss(truth, p.n_params, p.d_tokens))) < 0.05);
    // Deterministic per seed; another seed draws other noise.
    CHECK(exampleScalingPoints(truth, 7)[3].loss == pts[3].loss);
    CHECK(exampleScalingPoints(truth, 8)[3].loss != pts[3].loss);
    // Without noise the points lie on the law.
    ExampleGrid exact;
    exact.noise_sd = 0;
    for (const auto& p : exampleScalingPoints(truth, 1, exact)) CHECK(p.loss == loss(truth, p.n_params, p.d_tokens));

    const std::string text = formatScalingPoints(pts);
    CHECK(text.rfind("N,D,L\n", 0) == 0);
    const auto back = parseScalingPoints(text);
    REQUIRE(back.size() == pts.size());
    for (size_t i = 0; i < pts.size(); ++i) {
        CHECK(back[i].n_params == Approx(pts[i].n_params).epsilon(1e-5));  // 6 significant digits
        CHECK(back[i].d_tokens == Approx(pts[i].d_tokens).epsilon(1e-5));
        CHECK(back[i].loss == Approx(pts[i].loss).epsilon(1e-4));
    }
    const ScalingFit fit = fitScalingLaw(back);
    // 25 runs with 1% noise pin the exponents down only to a few standard errors.
    CHECK(std::fabs(fit.law.a - truth.a) < 4 * fit.se.a);
    CHECK(std::fabs(fit.law.b - truth.b) < 4 * fit.se.b);
    CHECK(fit.law.a == Approx(truth.a).margin(0.1));
    CHECK(fit.law.b == Approx(truth.b).margin(0.1));
}

TEST_CASE("scaling examples: bad grids are refused", "[scaling_examples]") {
    ExampleGrid g;
    g.n_side = 1;
    CHECK_THROWS_AS(exampleScalingPoints(hoffmann2022(), 1, g), std::invalid_argument);
    g = {};
    g.noise_sd = -0.1;
    CHECK_THROWS_AS(exampleScalingPoints(hoffmann2022(), 1, g), std::invalid_argument);
    g = {};
    g.d_to = g.d_from;
    CHECK_THROWS_AS(exampleScalingPoints(hoffmann2022(), 1, g), std::invalid_argument);
    ScalingLaw bad = hoffmann2022();
    bad.a = 0;
    CHECK_THROWS_AS(exampleScalingPoints(bad, 1), std::invalid_argument);
}
