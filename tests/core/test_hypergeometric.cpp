// Exact hypergeometric draws (src/core/base/hypergeometric): the support's edges, the distribution
// against the exact probabilities by chi-square, mean and variance at corpus-sized populations, and
// the same draws from the same seed.
#include "core/base/hypergeometric.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace slingshot;

namespace {

// P(X = x) for population N, K successes, n draws, by exact products in long double.
std::vector<double> exactPmf(uint64_t N, uint64_t K, uint64_t n) {
    std::vector<double> pmf(n + 1, 0.0);
    auto logChoose = [](uint64_t a, uint64_t b) {
        return std::lgamma(a + 1.0L) - std::lgamma(b + 1.0L) - std::lgamma(a - b + 1.0L);
    };
    for (uint64_t x = 0; x <= n; ++x) {
        if (x > K || n - x > N - K) continue;
        pmf[x] = double(std::exp(logChoose(K, x) + logChoose(N - K, n - x) - logChoose(N, n)));
    }
    return pmf;
}

}  // namespace

TEST_CASE("hypergeometric: a support of one value gives it", "[hypergeometric]") {
    Rng rng(1, RngStream::Test);
    CHECK(drawHypergeometric(100, 0, 40, rng) == 0);
    CHECK(drawHypergeometric(100, 100, 40, rng) == 40);
    CHECK(drawHypergeometric(100, 30, 0, rng) == 0);
    CHECK(drawHypergeometric(100, 30, 100, rng) == 30);
    CHECK(drawHypergeometric(1, 1, 1, rng) == 1);
}

TEST_CASE("hypergeometric: draws follow the exact probabilities (chi-square)", "[hypergeometric]") {
    struct Case {
        uint64_t N, K, n;
    };
    for (const Case c : {Case{50, 20, 15}, Case{60, 55, 40}, Case{1000, 7, 500}, Case{200, 100, 190}}) {
        const std::vector<double> pmf = exactPmf(c.N, c.K, c.n);
        std::vector<double> seen(pmf.size(), 0.0);
        Rng rng(uint64_t(c.N + c.K + c.n), RngStream::Test);
        const int draws = 40000;
        for (int i = 0; i < draws; ++i) {
            const uint64_t x = drawHypergeometric(c.N, c.K, c.n, rng);
            REQUIRE(x < pmf.size());
            REQUIRE(pmf[x] > 0);
            seen[x] += 1;
        }
        // Cells of expectation >= 5 (the rest pooled); z of (chi2 - dof) / sqrt(2 dof) within 4.
        double chi2 = 0, pooled_e = 0, pooled_o = 0;
        int cells = 0;
        for (size_t x = 0; x < pmf.size(); ++x) {
            const double e = pmf[x] * draws;
            if (e >= 5) {
                chi2 += (seen[x] - e) * (seen[x] - e) / e;
                ++cells;
            } else {
                pooled_e += e;
                pooled_o += seen[x];
            }
        }
        if (pooled_e >= 5) {
            chi2 += (pooled_o - pooled_e) * (pooled_o - pooled_e) / pooled_e;
            ++cells;
        }
        const double dof = cells - 1;
        INFO("N=" << c.N << " K=" << c.K << " n=" << c.n << " chi2=" << chi2 << " dof=" << dof);
        CHECK((chi2 - dof) / std::sqrt(2 * dof) < 4);
    }
}

TEST_CASE("hypergeometric: mean and variance at corpus-sized populations", "[hypergeometric]") {
    // N = 2e11 pieces, K = 2e10 failed, n = half: mean nK/N, variance nK/N (1 - K/N)(N - n)/(N - 1).
    const uint64_t N = 200000000000ULL, K = 20000000000ULL, n = 100000000000ULL;
    const double mean = double(n) * K / N;
    const double var = mean * (1 - double(K) / N) * double(N - n) / double(N - 1);
    Rng rng(7, RngStream::Test);
    const int draws = 300;
    double sum = 0, sum2 = 0;
    for (int i = 0; i < draws; ++i) {
        const double x = double(drawHypergeometric(N, K, n, rng)) - mean;
        sum += x;
        sum2 += x * x;
    }
    const double got_mean = sum / draws, got_var = sum2 / draws - got_mean * got_mean;
    CHECK(std::fabs(got_mean) < 4 * std::sqrt(var / draws));
    // The variance's relative sd is sqrt(2 / draws) ~ 8%.
    CHECK(got_var > 0.7 * var);
    CHECK(got_var < 1.3 * var);
}

TEST_CASE("hypergeometric: the same seed gives the same draws", "[hypergeometric]") {
    Rng a(42, RngStream::Test), b(42, RngStream::Test);
    for (int i = 0; i < 100; ++i)
        REQUIRE(drawHypergeometric(123456789, 1234567, 60000000, a) ==
                drawHypergeometric(123456789, 1234567, 60000000, b));
}
