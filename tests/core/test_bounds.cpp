#include <catch2/catch.hpp>

#include "core/base/numerics.h"
#include "core/theory/bounds.h"
#include "core/theory/tightness.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

using namespace slingshot;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {
constexpr double kRel = 5e-4;  // THEORY §6: four significant figures
const double kThetas[] = {0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.3, 0.45};
const double kLevels[] = {0.0, 0.1, 0.3, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.99};
const double kDegrees[] = {1.0, 1.5, 2.0, 4.0, 8.0, 16.0, 32.0};
}  // namespace

TEST_CASE("bounds: F and alpha* reference values (§9)", "[bounds]") {
    CHECK_THAT(exponentF(0.2, 0.1, 3, 8), WithinRel(0.01956, kRel));
    CHECK_THAT(exponentF(0.3, 0.1, 3, 8), WithinRel(-0.3102, kRel));
    CHECK_THAT(exponentF(0.2, 0.1, 3, 8, 0.01), WithinRel(0.02456, kRel));
    CHECK_THAT(alphaStar(0.1, 2, 8), WithinRel(0.4328, kRel));
    CHECK_THAT(alphaStar(0.1, 3, 8), WithinRel(0.2083, kRel));
    CHECK_THAT(alphaStar(0.1, 5, 8), WithinRel(0.08323, kRel));
    CHECK_THAT(alphaStar(0.05, 10, 8), WithinRel(0.03198, kRel));
    CHECK_THAT(alphaStar(0.2, 3, 4), WithinRel(0.2681, kRel));
    CHECK_THAT(alphaStar(0.1, 3, 4), WithinRel(0.3029, kRel));
    CHECK_THAT(alphaStar(0.05, 10, 2), WithinRel(0.09359, kRel));
    CHECK(std::isinf(alphaStar(0.1, 5, 2)));
    CHECK_THAT(alphaStar(0.1, 3, 8, 0.01), WithinRel(0.2104, kRel));
    CHECK_THAT(betaMin(0.1, 8), WithinRel(1.501, kRel));
    CHECK_THAT(betaMin(0.1, 2), WithinRel(5.081, kRel));
}

TEST_CASE("bounds: guaranteed fractions reference values (§9)", "[bounds]") {
    CHECK_THAT(fracCompetent(0.1, 0.8, 8), WithinRel(0.5672, kRel));
    CHECK_THAT(fracCompetent(0.1, 0.5, 8), WithinRel(0.9168, kRel));
    CHECK_THAT(fracCompetent(0.05, 0.9, 8), WithinRel(0.5367, kRel));
    CHECK_THAT(fracCompetent(0.1, 0.5, 2), WithinRel(0.8000, kRel));
    CHECK(fracCompetent(0.1, 0.5, 2) == markovFrac(0.1, 0.5));
    CHECK_THAT(fracTuplesT2(0.05, 0.8, 8, 2), WithinRel(0.5672, kRel));
    CHECK_THAT(fracTuplesT2(0.05, 0.8, 8, 2, true), WithinRel(0.5843, kRel));
    CHECK_THAT(fracTuplesT2(0.025, 0.8, 8, 4), WithinRel(0.5672, kRel));
    CHECK_THAT(fracTuplesT1(0.05, 0.8, 8, 2), WithinRel(0.7803, kRel));
    CHECK_THAT(fracTuplesP(0.05, 0.8, 8, 2), WithinRel(0.3298, kRel));
    CHECK_THAT(greedyAdversaryAlpha(0.1, 0.2, 8), WithinRel(0.2858, kRel));
    CHECK_THAT(greedyAdversaryAlpha(0.1, 0.5, 2), WithinRel(0.1127, kRel));
    CHECK_THAT(randomYFraction(0.1, 0.12, 800), WithinRel(0.03646, kRel));
}

TEST_CASE("bounds: §8 Monte Carlo table columns (bound and exact adversary)", "[bounds]") {
    // The table's bound column is finite-size: N1 = 1000, N2 = 1e6, so rho = 1e-3.
    struct Row {
        int k;
        double theta, beta, bound, alpha_a;
    };
    const Row rows[] = {
        {2, 0.10, 2, 0.500, 0.500}, {2, 0.10, 5, 0.200, 0.113}, {4, 0.10, 3, 0.303, 0.186}, {4, 0.20, 2, 0.492, 0.317},
        {8, 0.05, 2, 0.464, 0.348}, {8, 0.05, 5, 0.098, 0.054}, {8, 0.10, 2, 0.433, 0.286}, {8, 0.10, 3, 0.209, 0.103},
        {8, 0.10, 5, 0.083, 0.032}, {8, 0.20, 3, 0.174, 0.061},
    };
    for (const Row& r : rows) {
        const double c = 1 - r.beta * r.theta;
        CHECK_THAT(1 - fracCompetent(r.theta, c, r.k, 1e-3), WithinAbs(r.bound, 6e-4));
        CHECK_THAT(greedyAdversaryAlpha(r.theta, r.beta * r.theta, r.k), WithinAbs(r.alpha_a, 6e-4));
    }
    // k' = 2 table (k = 8, M2 theta = 0.05): bounds on the fraction of tuples below c.
    struct Pair {
        double c, target, t2, t2exact, p, t1;
    };
    const Pair pairs[] = {
        {0.85, 0.667, 0.667, 0.647, 0.871, 0.325},
        {0.80, 0.433, 0.433, 0.416, 0.670, 0.220},
        {0.70, 0.208, 0.208, 0.200, 0.365, 0.122},
        {0.50, 0.083, 0.083, 0.080, 0.144, 0.058},
    };
    for (const Pair& p : pairs) {
        CHECK_THAT(1 - fracCompetent(0.1, p.c, 8), WithinAbs(p.target, 6e-4));
        CHECK_THAT(1 - fracTuplesT2(0.05, p.c, 8, 2), WithinAbs(p.t2, 6e-4));
        CHECK_THAT(1 - fracTuplesT2(0.05, p.c, 8, 2, true), WithinAbs(p.t2exact, 6e-4));
        CHECK_THAT(1 - fracTuplesP(0.05, p.c, 8, 2), WithinAbs(p.p, 6e-4));
        CHECK_THAT(1 - fracTuplesT1(0.05, p.c, 8, 2), WithinAbs(p.t1, 6e-4));
    }
    // Largest random-Y value of §8: k = 2, N2 = 1e5, N1 = 1000 (degree 200), theta = 0.05, beta = 1.5.
    CHECK_THAT(randomYFraction(0.05, 0.075, 200), WithinAbs(0.078, 1e-3));
}

TEST_CASE("bounds: Cor 13 identity is exact", "[bounds][cor13]") {
    for (double theta : kThetas)
        for (double c : kLevels)
            for (double k : kDegrees)
                for (int kp : {1, 2, 4, 8}) {
                    const double diff = fracTuplesT2(theta / kp, c, k, kp) - fracCompetent(theta, c, k);
                    CHECK(diff == 0.0);
                    // Exact accounting is "at least as good".
                    CHECK(fracTuplesT2(theta / kp, c, k, kp, true) >= fracCompetent(theta, c, k));
                }
    // Takeaway 1: halving theta moves 2k'-tuples to where k'-tuples were.
    for (double theta : kThetas)
        for (double c : kLevels) CHECK(fracTuplesT2(theta / 2, c, 8, 4) - fracTuplesT2(theta, c, 8, 2) == 0.0);
}

// Checks that `frac(x)` moves in one direction (+1 rising, -1 falling) along `xs`.
template <class Xs, class Frac>
void checkMonotone(const Xs& xs, int direction, Frac&& frac) {
    double prev = direction > 0 ? -1.0 : 2.0;
    for (double x : xs) {
        const double f = frac(x);
        CHECK(direction * (f - prev) >= -1e-14);
        prev = f;
    }
}

TEST_CASE("bounds: monotone in k, theta and c on grids", "[bounds]") {
    for (double theta : kThetas)
        for (double c : kLevels) checkMonotone(kDegrees, +1, [&](double k) { return fracCompetent(theta, c, k); });
    for (double k : kDegrees)
        for (double c : kLevels) checkMonotone(kThetas, -1, [&](double theta) { return fracCompetent(theta, c, k); });
    for (double k : kDegrees)
        for (double theta : kThetas) {
            checkMonotone(kLevels, -1, [&](double c) { return fracCompetent(theta, c, k); });
            for (double c : kLevels) CHECK(fracCompetent(theta, c, k) >= markovFrac(theta, c) - 1e-15);
        }
}

TEST_CASE("bounds: curve is continuous at beta_min and Markov below it", "[bounds]") {
    for (double theta : {0.02, 0.05, 0.1}) {
        for (double k : {4.0, 8.0, 16.0}) {
            const double bm = betaMin(theta, k);
            const double tau = bm * theta;
            if (tau >= 1) continue;
            const double c_at = 1 - tau;
            const double above = fracCompetent(theta, c_at - 1e-9, k);  // beta slightly > beta_min
            const double below = fracCompetent(theta, c_at + 1e-9, k);  // beta slightly < beta_min
            CHECK_THAT(above, WithinAbs(below, 1e-6));
            CHECK_THAT(below, WithinAbs(markovFrac(theta, c_at + 1e-9), 1e-15));
            // Just above beta_min alpha* exists and sits near 1/beta.
            const double beta = bm * (1 + 1e-8);
            const double a = alphaStar(theta, beta, k);
            REQUIRE(std::isfinite(a));
            CHECK_THAT(a, WithinRel(1 / beta, 1e-3));
            CHECK(std::isinf(alphaStar(theta, bm * (1 - 1e-8), k)));
        }
    }
}

TEST_CASE("bounds: finite size is no better than asymptotic", "[bounds]") {
    for (double theta : kThetas)
        for (double c : kLevels)
            for (double k : {2.0, 8.0, 16.0})
                for (double rho : {1e-4, 1e-3, 1e-2, 0.1}) {
                    CHECK(fracCompetent(theta, c, k, rho) <= fracCompetent(theta, c, k) + 1e-15);
                }
    CHECK(fracCompetent(0.1, 0.7, 8, 0.01) < fracCompetent(0.1, 0.7, 8));
}

TEST_CASE("bounds: the §3.2 grid scan and the concave bracket agree", "[bounds]") {
    for (double theta : {0.01, 0.05, 0.1, 0.2})
        for (double beta : {1.2, 1.6, 2.0, 3.0, 5.0, 10.0, 50.0})
            for (double k : {2.0, 4.0, 8.0, 32.0})
                for (double rho : {0.0, 1e-3, 0.01, 0.1, 1.0}) {
                    if (beta * theta >= 1) continue;
                    const double fast = alphaStar(theta, beta, k, rho);
                    const double scan = alphaStarScan(theta, beta, k, rho);
                    if (std::isinf(fast)) {
                        CHECK(std::isinf(scan));
                    } else {
                        CHECK_THAT(scan, WithinAbs(fast, 1e-13));
                        CHECK(exponentF(fast * (1 + 1e-9), theta, beta, k, rho) < 0);
                        CHECK(exponentF(fast * (1 - 1e-9), theta, beta, k, rho) > 0);
                    }
                }
}

TEST_CASE("bounds: §3.2 edge cases", "[bounds]") {
    CHECK(fracCompetent(0.0, 0.9, 8) == 1.0);
    CHECK(fracCompetent(-0.1, 0.9, 8) == 1.0);
    CHECK(fracCompetent(1.0, 0.0, 8) == 0.0);
    CHECK(fracCompetent(1.5, 0.5, 8) == 0.0);
    CHECK(fracCompetent(0.1, 0.9, 8) == 0.0);   // tau = theta: no guarantee
    CHECK(fracCompetent(0.1, 0.95, 8) == 0.0);  // tau < theta
    CHECK(fracCompetent(0.1, 1.0, 8) == 0.0);
    // k <= 1: Markov exactly (Thm 8 never applies because beta_min > 1/theta).
    for (double k : {0.25, 0.5, 1.0})
        for (double c : kLevels) CHECK(fracCompetent(0.1, c, k) == markovFrac(0.1, c));
    // alpha near 1/beta: F uses KL(1 || p) = -ln p at the end point.
    CHECK_THAT(exponentF(1.0 / 3, 0.1, 3, 8), WithinRel(binaryEntropy(0.1) - 0.8 * std::log(3.0), 1e-14));
    // Tiny alpha is treated as 0: F = H(theta).
    CHECK(exponentF(1e-301, 0.1, 3, 8) == binaryEntropy(0.1));
    // Very large beta gives a tiny but positive alpha*.
    const double tiny = alphaStar(1e-4, 5000, 8);
    CHECK(tiny > 0);
    CHECK(tiny < 1e-4);
    CHECK(std::isinf(alphaStar(0.1, 1.0, 8)));
    CHECK(std::isinf(alphaStar(0.1, 0.5, 8)));
    CHECK(std::isinf(alphaStar(0.0, 3, 8)));
    // Bad input is an error, not a number.
    CHECK_THROWS_AS(fracCompetent(0.1, 0.5, 0.0), std::invalid_argument);
    CHECK_THROWS_AS(fracCompetent(0.1, 1.5, 8), std::invalid_argument);
    CHECK_THROWS_AS(fracCompetent(0.1, -0.1, 8), std::invalid_argument);
    CHECK_THROWS_AS(fracCompetent(NAN, 0.5, 8), std::invalid_argument);
    CHECK_THROWS_AS(fracCompetent(0.1, 0.5, 8, -1.0), std::invalid_argument);
    CHECK_THROWS_AS(fracTuples(TupleModel::T1, 0.1, 0.5, 8, 2, 0.01), std::invalid_argument);
    CHECK_THROWS_AS(fracTuplesT2(0.1, 0.5, 8, 0), std::invalid_argument);
    CHECK_THROWS_AS(betaMin(0.0, 8), std::invalid_argument);
    CHECK_THROWS_AS(randomYFraction(0.1, 0.2, 0), std::invalid_argument);
}

TEST_CASE("bounds: tuple models and the performance curve", "[bounds]") {
    // Route P against T2: weaker in the middle of the curve, but not everywhere. THEORY §4.2 says
    // "except within 0.0013 at the edge"; in fact P is ahead by up to 0.0127 at c = 1 - k' theta
    // (k = 4, theta = 0.2, k' = 2) and by much more at small c, where T2 pays k' theta in full.
    CHECK(fracTuplesP(0.1, 0.7, 8, 2) < fracTuplesT2(0.1, 0.7, 8, 2));
    CHECK_THAT(fracTuplesP(0.2, 0.6, 4, 2) - fracTuplesT2(0.2, 0.6, 4, 2), WithinAbs(0.0127, 1e-4));
    CHECK(fracTuplesP(0.2, 0.0, 8, 4) > fracTuplesT2(0.2, 0.0, 8, 4) + 0.4);
    for (TupleModel m : {TupleModel::T2, TupleModel::T2Exact, TupleModel::T1, TupleModel::P})
        CHECK(fracTuples(m, 0.1, 0.7, 8, 1) == fracCompetent(0.1, 0.7, 8));
    CHECK(tupleModelName(TupleModel::T2Exact) == "t2exact");

    const auto curve = performanceCurve(0.1, 8, 1, TupleModel::T2, 0, 256);
    REQUIRE(curve.size() == 256);
    CHECK(curve.front().c == 0.0);
    CHECK(curve.back().c == 255.0 / 256);
    for (size_t i = 1; i < curve.size(); ++i) {
        CHECK(curve[i].frac <= curve[i - 1].frac + 1e-15);
        CHECK(curve[i].frac == fracCompetent(0.1, curve[i].c, 8));
    }
    CHECK(curve.back().frac == 0.0);  // c >= 1 - theta
    const BoundDetail d = boundDetail(0.05, 0.8, 8, 2, TupleModel::T2, 0);
    CHECK(d.theta_eff == 0.1);
    CHECK_THAT(d.beta, WithinRel(2.0, 1e-15));
    CHECK_THAT(d.alpha_star, WithinRel(0.4328, kRel));
    const BoundDetail none = boundDetail(0.1, 0.5, 2, 1, TupleModel::T2, 0);
    CHECK(std::isinf(none.alpha_star));
    CHECK(none.frac == 0.8);
    CHECK_THROWS_AS(performanceCurve(0.1, 8, 1, TupleModel::T2, 0, 1), std::invalid_argument);
}

TEST_CASE("bounds: tuple model names read back, anything else is refused", "[bounds]") {
    for (TupleModel m : {TupleModel::T2, TupleModel::T2Exact, TupleModel::T1, TupleModel::P})
        CHECK(tupleModelFromName(tupleModelName(m)) == m);
    CHECK_FALSE(tupleModelFromName("T2").has_value());
    CHECK_FALSE(tupleModelFromName("s").has_value());
}

TEST_CASE("bounds: alpha* to 1e-12 relative for theta down to 1e-300 (50-digit references)", "[bounds]") {
    struct Case {
        double theta, tau, k, rho, alpha_star;
    };
    // tests/core/reference/alpha_star_reference.py (mpmath, bisection at 50 digits)
    const Case cases[] = {
        {0.1, 0.5, 8, 0, 0.083234471358602337664},       {0.05, 0.5, 8, 0.01, 0.032182488121136709915},
        {1e-3, 0.2, 4, 0, 0.002168212474034687765},      {1e-8, 0.5, 8, 0, 2.8893765284987875153e-9},
        {1e-15, 0.5, 8, 0, 2.6991721275367149561e-16},   {1e-17, 0.5, 8, 0, 2.6747747402939536238e-18},
        {1e-30, 0.3, 2, 0, 1.7381068568687535551e-30},   {1e-50, 0.5, 8, 0, 2.5578461961968380461e-51},
        {1e-100, 0.5, 8, 0, 2.5287261719180418705e-101}, {1e-200, 0.5, 8, 0, 2.5143143163749416018e-201},
        {1e-300, 0.5, 8, 0, 2.5095320850990275596e-301},
    };
    for (const Case& c : cases) {
        INFO("theta = " << c.theta << ", tau = " << c.tau << ", k = " << c.k << ", rho = " << c.rho);
        CHECK_THAT(alphaStar(c.theta, c.tau / c.theta, c.k, c.rho), WithinRel(c.alpha_star, 1e-12));
        // The bound on the failing fraction at c = 1 - tau is alpha* (below 1/beta).
        CHECK_THAT(boundDetail(c.theta, 1 - c.tau, c.k, 1, TupleModel::T2, c.rho).alpha_bound,
                   WithinRel(c.alpha_star, 1e-12));
    }
}

TEST_CASE("bounds: Markov's figure is for the same object as the guarantee, and never above it", "[bounds]") {
    // Route P at k' = 4: both the guarantee and Markov's figure are the single-skill value at
    // c^(1/4), raised to the 4th power.
    const BoundDetail p = boundDetail(0.0561, 0.5, 8, 4, TupleModel::P, 0);
    const double c4 = std::pow(0.5, 0.25);
    CHECK_THAT(p.markov_frac, WithinRel(std::pow(1 - 0.0561 / (1 - c4), 4), 1e-12));
    CHECK(p.markov_frac < 0.18);  // the single-skill figure at c^(1/4) was 0.647, above frac = 0.307
    CHECK(p.frac >= p.markov_frac);
    // T2: Markov at theta' = k' theta.
    CHECK_THAT(boundDetail(0.05, 0.6, 8, 3, TupleModel::T2, 0).markov_frac, WithinRel(1 - 0.15 / 0.4, 1e-12));
    for (TupleModel m : {TupleModel::T2, TupleModel::T2Exact, TupleModel::T1, TupleModel::P})
        for (int kprime : {1, 2, 4, 8})
            for (double theta : {0.001, 0.02, 0.05, 0.1, 0.2})
                for (double c : {0.0, 0.3, 0.5, 0.7, 0.9}) {
                    const BoundDetail d = boundDetail(theta, c, 8, kprime, m, 0);
                    INFO(tupleModelName(m) << " k' = " << kprime << " theta = " << theta << " c = " << c);
                    CHECK(d.frac >= d.markov_frac - 1e-15);
                    CHECK(d.markov_frac >= 0);
                }
}

TEST_CASE("bounds: tau = theta as written in decimal guarantees nothing, not 2e-16", "[bounds]") {
    // 1 - 0.7 = 0.30000000000000004 > 0.3 in doubles: still tau = theta, as the reader wrote it.
    for (double k : {1.0, 8.0})
        for (auto [theta, c] : {std::pair{0.3, 0.7}, std::pair{0.1, 0.9}, std::pair{0.2, 0.8}, std::pair{0.6, 0.4}}) {
            INFO("theta = " << theta << ", c = " << c << ", k = " << k);
            CHECK(fracCompetent(theta, c, k) == 0.0);
            CHECK(markovFrac(theta, c) == 0.0);
            CHECK(boundDetail(theta, c, k, 1, TupleModel::T2, 0).alpha_bound == 1.0);
        }
    // A gap of a relative 1e-9 is a real gap.
    CHECK(markovFrac(0.3, 1 - 0.3 * (1 + 1e-9)) > 0);
    CHECK(fracCompetent(0.3, 1 - 0.3 * (1 + 1e-9), 8) > 0);
}

TEST_CASE("bounds: T1 with k' > k has no blocks and guarantees nothing", "[bounds]") {
    // A piece of k = 8 skills cut into blocks of k' = 16 holds none: no 16-tuple has an edge.
    const BoundDetail none = boundDetail(0.05, 0.8, 8, 16, TupleModel::T1);
    CHECK(none.no_blocks);
    CHECK(none.frac == 0);
    CHECK(none.markov_frac == 0);
    CHECK(none.alpha_bound == 1);
    CHECK(none.k_eff == 0.5);
    // k' = k: one block, the theorem at degree 1; k' = 3: the real degree 8/3 (THEORY §4.2).
    const BoundDetail one = boundDetail(0.05, 0.8, 8, 8, TupleModel::T1);
    CHECK_FALSE(one.no_blocks);
    CHECK(one.frac == fracCompetent(0.05, 0.8, 1.0));
    CHECK(fracTuplesT1(0.05, 0.8, 8, 3) == fracCompetent(0.05, 0.8, 8.0 / 3));
    CHECK(fracCompetent(0.05, 0.8, 1.0) > 0);
    // The other readings have no such limit: T2's k'-pieces have k' k slots.
    CHECK_FALSE(boundDetail(0.005, 0.8, 8, 16, TupleModel::T2).no_blocks);
    CHECK(fracTuplesT2(0.005, 0.8, 8, 16) > 0);
}

TEST_CASE("bounds: which tuple readings have no blocks", "[bounds]") {
    CHECK(tuplesWithoutBlocks(TupleModel::T1, 8, 16));
    CHECK(tuplesWithoutBlocks(TupleModel::T1, 8, 9));
    CHECK_FALSE(tuplesWithoutBlocks(TupleModel::T1, 8, 8));
    CHECK_FALSE(tuplesWithoutBlocks(TupleModel::T1, 8.5, 8));
    for (TupleModel m : {TupleModel::T2, TupleModel::T2Exact, TupleModel::P})
        CHECK_FALSE(tuplesWithoutBlocks(m, 8, 16));
}
