#include "core/theory/bounds.h"
#include "core/theory/tightness.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>

using namespace slingshot;

TEST_CASE("tightness: the exact adversary never exceeds alpha* or Markov", "[tightness]") {
    for (double theta : {0.02, 0.05, 0.1, 0.2})
        for (double beta : {1.2, 1.5, 2.0, 3.0, 5.0, 10.0})
            for (int k : {1, 2, 4, 8, 16}) {
                if (beta * theta > 1) continue;
                const double a_adv = greedyAdversaryAlpha(theta, beta * theta, k);
                CHECK(a_adv <= 1 / beta + 1e-12);
                const double a_star = alphaStar(theta, beta, k);
                if (std::isfinite(a_star)) CHECK(a_adv <= a_star + 1e-12);
            }
    // phi is decreasing, so alpha_A falls as tau rises.
    double prev = 2;
    for (double tau = 0.11; tau < 1; tau += 0.05) {
        const double a = greedyAdversaryAlpha(0.1, tau, 8);
        CHECK(a <= prev);
        prev = a;
    }
    CHECK(greedyAdversaryAlpha(0.1, 0.05, 8) == 1.0);
    CHECK(greedyAdversaryAlpha(0.0, 0.5, 8) == 0.0);
    CHECK(greedyAdversaryAlpha(0.1, 1.5, 8) == 0.0);
    CHECK_THROWS_AS(greedyAdversaryAlpha(0.1, 0.5, 0), std::invalid_argument);
}
