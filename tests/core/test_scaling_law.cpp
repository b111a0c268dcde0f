#include <catch2/catch.hpp>

#include "core/theory/scaling_law.h"

#include <stdexcept>

using namespace slingshot;
using Catch::Matchers::WithinRel;

TEST_CASE("scaling law: THEORY §9 reference values", "[scaling_law]") {
    const ScalingLaw h = hoffmann2022();
    CHECK_THAT(excessLoss(h, 1e9, 20e9), WithinRel(0.8900, 5e-4));
    CHECK_THAT(excessLoss(h, 1e10, 20e10), WithinRel(0.4431, 5e-4));
    CHECK_THAT(excessLoss(h, 1e11, 20e11), WithinRel(0.2216, 5e-4));
    CHECK_THAT(excessLoss(h, 1e12, 20e12), WithinRel(0.1113, 5e-4));
    CHECK_THAT(loss(h, 1e10, 20e10), WithinRel(2.133, 5e-4));
    CHECK_THAT(loss(h, 70e9, 1.4e12), WithinRel(1.937, 5e-4));
    CHECK_THAT(excessLoss(h, 70e9, 1.4e12), WithinRel(0.2466, 5e-4));
    CHECK_THAT(excessLoss(h, 1e11, 2e12) / excessLoss(h, 1e10, 2e11), WithinRel(0.5001, 5e-4));
    const ModelSize opt = computeOptimal(h, 1e23);
    CHECK_THAT(opt.n_params, WithinRel(1.460e10, 5e-4));
    CHECK_THAT(opt.d_tokens, WithinRel(1.142e12, 5e-4));
    CHECK_THAT(computeOptimal(h, 5.76e23).n_params, WithinRel(3.219e10, 5e-4));
}

TEST_CASE("scaling law: ten-fold scaling roughly halves the excess loss (§2.2)", "[scaling_law]") {
    const ScalingLaw h = hoffmann2022();
    CHECK_THAT(excessLoss(h, 1e9, 2e10) / excessLoss(h, 1e8, 2e9), WithinRel(0.4956, 5e-4));
    CHECK_THAT(excessLoss(h, 1e14, 2e15) / excessLoss(h, 1e13, 2e14), WithinRel(0.5062, 5e-4));
}

TEST_CASE("scaling law: compute-optimal split is the minimum on C = 6ND", "[scaling_law]") {
    for (const ScalingLaw& law : {hoffmann2022(), besiroglu2024()}) {
        for (double c : {1e18, 1e21, 1e24, 1e27}) {
            const ModelSize opt = computeOptimal(law, c);
            CHECK_THAT(6.0 * opt.n_params * opt.d_tokens, WithinRel(c, 1e-12));
            const double best = excessLoss(law, opt.n_params, opt.d_tokens);
            for (double f : {0.9, 0.99, 1.01, 1.1}) {
                const double n = opt.n_params * f;
                CHECK(excessLoss(law, n, c / (6.0 * n)) > best);
            }
        }
    }
}

TEST_CASE("scaling law: presets and bad input", "[scaling_law]") {
    REQUIRE(scalingPreset("hoffmann2022"));
    CHECK(scalingPreset("hoffmann2022")->A == 406.4);
    REQUIRE(scalingPreset("besiroglu2024"));
    CHECK(scalingPreset("besiroglu2024")->E == 1.8172);
    CHECK_FALSE(scalingPreset("kaplan2020"));
    CHECK(scalingPresetNames().size() == 2);
    const ScalingLaw h = hoffmann2022();
    CHECK_THROWS_AS(loss(h, 0.0, 1e9), std::invalid_argument);
    CHECK_THROWS_AS(excessLoss(h, 1e9, -1.0), std::invalid_argument);
    CHECK_THROWS_AS(computeOptimal(h, 0.0), std::invalid_argument);
    ScalingLaw bad = h;
    bad.a = 0;
    CHECK_THROWS_AS(validateScalingLaw(bad), std::invalid_argument);
    CHECK_NOTHROW(validateScalingLaw(h));
}
