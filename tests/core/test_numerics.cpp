#include <catch2/catch.hpp>

#include "core/base/numerics.h"

#include <cmath>

using namespace slingshot;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("numerics: THEORY §9 reference values", "[numerics]") {
    CHECK_THAT(binaryEntropy(0.1), WithinRel(0.3251, 5e-4));
    CHECK_THAT(binaryKL(0.3, 0.1), WithinRel(0.1537, 5e-4));
    CHECK_THAT(binaryKL(1.0, 0.25), WithinRel(1.386, 5e-4));
}

TEST_CASE("numerics: the paper's bracket equals -KL(beta alpha || alpha) (§1)", "[numerics]") {
    for (double alpha : {0.01, 0.05, 0.1, 0.2, 0.3}) {
        for (double beta : {1.5, 2.0, 3.0}) {
            const double ba = beta * alpha;
            if (ba >= 1) continue;
            const double bracket = binaryEntropy(ba) - ba * std::log(1 / alpha) - (1 - ba) * std::log(1 / (1 - alpha));
            CHECK_THAT(bracket, WithinAbs(-binaryKL(ba, alpha), 1e-15));
        }
    }
    CHECK_THAT(-binaryKL(0.2, 0.1), WithinRel(-0.04440, 5e-4));
}

TEST_CASE("numerics: limits and domain", "[numerics]") {
    CHECK(binaryEntropy(0.0) == 0.0);
    CHECK(binaryEntropy(1.0) == 0.0);
    CHECK_THAT(binaryEntropy(0.5), WithinRel(std::log(2.0), 1e-15));
    CHECK(std::isnan(binaryEntropy(-0.1)));
    CHECK(std::isnan(binaryEntropy(1.1)));
    CHECK_THAT(binaryKL(0.0, 0.3), WithinRel(-std::log1p(-0.3), 1e-15));
    CHECK_THAT(binaryKL(1.0, 0.3), WithinRel(-std::log(0.3), 1e-15));
    CHECK(binaryKL(0.3, 0.3) == 0.0);
    // Continuity into the limits.
    CHECK_THAT(binaryKL(1e-12, 0.3), WithinAbs(binaryKL(0.0, 0.3), 1e-10));
    CHECK_THAT(binaryKL(1 - 1e-12, 0.3), WithinAbs(binaryKL(1.0, 0.3), 1e-10));
    CHECK(std::isnan(binaryKL(0.5, 0.0)));
    CHECK(std::isnan(binaryKL(0.5, 1.0)));
    CHECK(std::isnan(binaryKL(1.5, 0.5)));
    // Tiny probabilities keep relative precision through log1p.
    CHECK_THAT(binaryEntropy(1e-300), WithinRel(1e-300 * (300 * std::log(10.0) + 1), 1e-12));
}

TEST_CASE("numerics: Brent and bisection", "[numerics]") {
    const auto cubic = [](double x) { return x * x * x - 2 * x - 5; };
    const double root = brentRoot(cubic, 2.0, 3.0, cubic(2.0), cubic(3.0));
    CHECK_THAT(root, WithinAbs(2.0945514815423265, 1e-13));
    int calls = 0;
    const auto counted = [&](double x) {
        ++calls;
        return std::exp(x) - 10;
    };
    CHECK_THAT(brentRoot(counted, 0.0, 10.0, counted(0.0), counted(10.0)), WithinRel(std::log(10.0), 1e-13));
    CHECK(calls < 30);
    // Invalid bracket: NaN, never a wrong number.
    CHECK(std::isnan(brentRoot(cubic, 3.0, 4.0, cubic(3.0), cubic(4.0))));
    CHECK(brentRoot(cubic, 2.0, 3.0, 0.0, cubic(3.0)) == 2.0);
    // Bisection finds the edge of a flat predicate.
    const Boundary edge = bisectBoundary([](double x) { return x < 0.3; }, 0.0, 1.0);
    CHECK(edge.last_true < 0.3);
    CHECK(edge.first_false >= 0.3);
    CHECK_THAT(edge.first_false, WithinAbs(0.3, 1e-13));
}
