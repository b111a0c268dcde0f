// Binomial pmf and upper tail against 50-digit references (tests/core/reference/binomial_reference.py:
// exact sums, or quadrature in t near the mean), at degrees 1e2, 1e4, 1e8 and 1e12.
#include "core/base/binomial.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>

using namespace slingshot;

namespace {

struct Reference {
    uint64_t n;
    double p;
    uint64_t k;
    double value;
};

// P[Bin(n, p) >= k].
constexpr Reference kTails[] = {
    {100, 0.1, 1, 9.9997343860111241e-1},
    {100, 0.1, 10, 5.4870983455799649e-1},
    {100, 0.1, 15, 7.2572965264880786e-2},
    {100, 0.1, 40, 2.9455297937465278e-15},
    {100, 0.1, 100, 1.0000000000000056e-100},
    {100, 0.5, 50, 5.3979461869358938e-1},
    {100, 0.001, 1, 9.520785288629096e-2},
    {100, 0.999, 100, 9.0479214711370896e-1},
    {10000, 0.1, 1001, 4.9157896073473489e-1},
    {10000, 0.1, 1100, 5.2994173555679024e-4},
    {10000, 0.1, 900, 9.9966014268213344e-1},
    {10000, 0.1, 2000, 2.5938536325851802e-195},
    {10000, 0.05, 1700, 0.0 /* 2.5037389838547404e-419 */},
    {10000, 0.5, 5000, 5.0398932306969108e-1},
    {10000, 0.0001, 3, 8.0292199242242716e-2},
    {100000000, 0.1, 10010000, 4.3001103738032185e-4},
    {100000000, 0.1, 10000000, 5.0004875961207804e-1},
    {100000000, 0.1, 9990000, 9.9957188920272778e-1},
    {100000000, 0.1, 10030000, 7.9789115869142742e-24},
    {100000000, 0.1, 10150000, 0.0 /* 2.702857128372025e-543 */},
    {100000000, 0.1, 10600000, 0.0 /* 2.0215698407936758e-8539 */},
    {100000000, 0.3, 30000000, 5.0003772441503327e-1},
    {100000000, 1e-06, 120, 2.8230330568733959e-2},
    {1000000000000, 0.1, 100000000000, 5.0000048760350241e-1},
    {1000000000000, 0.1, 100000300000, 1.5865565722038118e-1},
    {1000000000000, 0.1, 99999700000, 8.4134514935765526e-1},
    {1000000000000, 0.1, 100003000000, 7.6233676493910283e-24},
    {1000000000000, 0.1, 100011000000, 1.2689825598011631e-294},
    {1000000000000, 0.1, 100016000000, 0.0 /* 1.7370554508629883e-620 */},
    {1000000000000, 0.5, 500000000000, 5.000003989422804e-1},
    {1000000000000, 1e-09, 1000, 5.042052441865236e-1},
};

// P[Bin(n, p) = k].
constexpr Reference kPmfs[] = {
    {100, 0.1, 10, 1.3186534682448822e-1},
    {10000, 0.1, 1000, 1.3296955574587914e-2},
    {100000000, 0.1, 10000000, 1.3298075901332486e-4},
    {100000000, 0.1, 10040000, 3.6704965051465476e-43},
    {1000000000000, 0.1, 100000000000, 1.3298076013369884e-6},
    {1000000000000, 0.1, 100002000000, 2.9706648295035629e-16},
    {800000, 0.001, 800, 1.4110327348460754e-2},
};

double relativeError(double got, double want) { return std::abs(got - want) / want; }

// Each reference value to 1e-10 relative, or (stored as 0: below the doubles' range) an underflow
// without spurious digits; the largest error is reported.
template <size_t N>
void checkAgainst(const Reference (&table)[N], double (*f)(uint64_t, double, uint64_t), const char* what) {
    double worst = 0;
    for (const Reference& r : table) {
        const double got = f(r.n, r.p, r.k);
        INFO(what << ": n = " << r.n << ", p = " << r.p << ", k = " << r.k << ": " << got << " vs " << r.value);
        if (r.value > 0) {
            CHECK(relativeError(got, r.value) <= 1e-10);
            worst = std::max(worst, relativeError(got, r.value));
        } else {
            CHECK(got >= 0);
            CHECK(got <= 1e-290);
        }
    }
    WARN("largest relative error of the " << what << ": " << worst);
}

}  // namespace

TEST_CASE("binomial: upper tails match 50-digit references to 1e-10 wherever above 1e-300", "[binomial]") {
    checkAgainst(kTails, binomialUpperTail, "tails");
}

TEST_CASE("binomial: pmf matches 50-digit references to 1e-10", "[binomial]") {
    checkAgainst(kPmfs, binomialPmf, "pmf");
}

TEST_CASE("binomial: closed forms, edges and sums", "[binomial]") {
    CHECK(binomialPmf(10, 0.5, 5) == Approx(252.0 / 1024).epsilon(1e-14));
    CHECK(binomialPmf(4, 0.25, 0) == Approx(std::pow(0.75, 4)).epsilon(1e-14));
    CHECK(binomialPmf(4, 0.25, 5) == 0.0);
    CHECK(binomialPmf(7, 0.0, 0) == 1.0);
    CHECK(binomialPmf(7, 0.0, 1) == 0.0);
    CHECK(binomialPmf(7, 1.0, 7) == 1.0);
    CHECK(binomialPmf(7, 1.0, 6) == 0.0);
    double sum = 0;
    for (uint64_t j = 0; j <= 800000; ++j) sum += binomialPmf(800000, 1e-3, j);
    CHECK(sum == Approx(1.0).epsilon(1e-12));

    CHECK(binomialUpperTail(50, 0.3, 0) == 1.0);
    CHECK(binomialUpperTail(50, 0.3, 51) == 0.0);
    CHECK(binomialUpperTail(50, 0.0, 1) == 0.0);
    CHECK(binomialUpperTail(50, 1.0, 50) == 1.0);
    CHECK(binomialUpperTail(50, 0.3, 50) == Approx(std::pow(0.3, 50)).epsilon(1e-14));
    CHECK(binomialUpperTail(50, 0.3, 1) == Approx(1 - std::pow(0.7, 50)).epsilon(1e-14));
    // The tail is the sum of the pmf above it, at every m of a moderate n.
    for (uint64_t m = 0; m <= 60; ++m) {
        double above = 0;
        for (uint64_t j = m; j <= 60; ++j) above += binomialPmf(60, 0.37, j);
        INFO("m = " << m);
        CHECK(binomialUpperTail(60, 0.37, m) == Approx(above).epsilon(1e-12));
    }
}

TEST_CASE("binomial: narrow and wide distributions agree with the summed pmf on both methods", "[binomial]") {
    // Variance n p (1 - p) = 100 is where the tail switches from the term sum to the integrals:
    // n = 400 sums, n = 420 and 2000 integrate; each is checked against plain sums of the pmf.
    for (const uint64_t n : {400ULL, 420ULL, 2000ULL}) {
        const double p = n == 2000 ? 0.3 : 0.5;
        for (uint64_t m = 1; m <= n; m += n / 40) {
            double above = 0;
            for (uint64_t j = m; j <= n; ++j) above += binomialPmf(n, p, j);
            INFO("n = " << n << ", m = " << m);
            if (above > 1e-300) CHECK(std::abs(binomialUpperTail(n, p, m) - above) <= 1e-12 * above);
        }
    }
}

TEST_CASE("binomial: the tail falls monotonically in m at n = 1e12", "[binomial]") {
    const uint64_t n = 1000000000000ULL;
    double last = 1.0;
    for (uint64_t m = 99999000000ULL; m <= 100001000000ULL; m += 50000) {
        const double t = binomialUpperTail(n, 0.1, m);
        INFO("m = " << m);
        CHECK(t < last);
        last = t;
    }
}

TEST_CASE("binomial: bad input is refused with a message", "[binomial]") {
    CHECK_THROWS_WITH(binomialPmf(7, 1.5, 1), Catch::Contains("p must be in [0, 1]"));
    CHECK_THROWS_WITH(binomialUpperTail(7, -0.1, 1), Catch::Contains("p must be in [0, 1]"));
    CHECK_THROWS_WITH(binomialUpperTail(7, std::numeric_limits<double>::quiet_NaN(), 1), Catch::Contains("p must be"));
    CHECK_THROWS_WITH(binomialUpperTail(uint64_t(1) << 53, 0.5, 1), Catch::Contains("below 2^53"));
}
