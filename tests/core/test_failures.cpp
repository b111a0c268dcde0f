#include "core/graph/competence.h"
#include "core/graph/failures.h"
#include "core/theory/bounds.h"
#include "core/theory/tightness.h"
#include "simulation_fixtures.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

using namespace slingshot;
using slingshot::testing::blockFailures;
using slingshot::testing::countFlags;
using slingshot::testing::runSimulation;
using slingshot::testing::theoryRun;

TEST_CASE("failures: random Y has exactly round(theta N2) pieces", "[failures]") {
    // One block, and three and a bit (the last block short), where the count is split over blocks.
    for (uint64_t n2 : {uint64_t(12345), 3 * kPiecesPerBlock + 4321})
        for (double theta : {0.0, 0.001, 0.1, 0.5, 0.7, 0.999, 1.0}) {
            const uint64_t m = exactFailureCount(theta, n2);
            CHECK(m == static_cast<uint64_t>(std::llround(theta * double(n2))));
            const FailureSet y = blockFailures(n2, theta, 3);
            CHECK(countFlags(y) == m);
            CHECK(y.count == m);
        }
}

TEST_CASE("failures: independent failures have mean theta N2", "[failures]") {
    for (uint64_t n2 : {uint64_t(200000), 2 * kPiecesPerBlock + 17}) {
        const FailureSet y = blockFailures(n2, 0.1, 8, FailureMode::Independent);
        const double sd = std::sqrt(double(n2) * 0.1 * 0.9);
        CHECK(std::fabs(double(y.count) - 0.1 * double(n2)) < 5 * sd);
        CHECK(countFlags(y) == y.count);
    }
}

TEST_CASE("failures: any range of blocks gets the flags the whole graph gets", "[failures]") {
    const uint64_t n2 = 5 * kPiecesPerBlock + 999;
    for (FailureMode mode : {FailureMode::Random, FailureMode::Independent}) {
        const FailureSet whole = blockFailures(n2, 0.3, 11, mode);
        const uint64_t blocks = pieceBlockCount(n2);
        REQUIRE(blocks == 6);
        std::vector<uint8_t> flags(kPiecesPerBlock);
        for (uint64_t first = 0; first < blocks; ++first)
            for (uint64_t last = first + 1; last <= blocks; ++last) {
                const BlockFailures part(mode, n2, 0.3, 11, first, last);
                for (uint64_t b = first; b < last; ++b) {
                    const uint64_t failed = part.fill(b, flags.data());
                    const uint64_t pieces = blockPieceCount(n2, b);
                    const uint8_t* expected = whole.failed.data() + b * kPiecesPerBlock;
                    REQUIRE(std::equal(flags.begin(), flags.begin() + long(pieces), expected));
                    REQUIRE(failed == uint64_t(std::count(expected, expected + pieces, uint8_t(1))));
                }
            }
    }
}

TEST_CASE("failures: the exact count splits over blocks as a uniform failure set would", "[failures]") {
    // 2.5 blocks, m = 0.2 N2. A uniform m-subset puts Hypergeometric(N2, m, B) failures in block 0:
    // mean m B / N2, variance m (B / N2)(1 - B / N2)(N2 - m) / (N2 - 1). 400 seeds: the mean within
    // 4 standard errors, the variance within 20% (its relative sd is about 7% here).
    const uint64_t n2 = 5 * kPiecesPerBlock / 2;
    const uint64_t m = exactFailureCount(0.2, n2);
    const double f = double(kPiecesPerBlock) / double(n2);
    const double mean = double(m) * f;
    const double var = double(m) * f * (1 - f) * double(n2 - m) / double(n2 - 1);
    double sum = 0, sum2 = 0;
    const int seeds = 400;
    for (int seed = 1; seed <= seeds; ++seed) {
        const std::vector<uint64_t> counts = blockFailureCounts(n2, m, uint64_t(seed), 0, 3);
        REQUIRE(counts[0] + counts[1] + counts[2] == m);
        REQUIRE(counts[2] <= blockPieceCount(n2, 2));
        sum += double(counts[0]);
        sum2 += double(counts[0]) * double(counts[0]);
    }
    const double got_mean = sum / seeds, got_var = sum2 / seeds - got_mean * got_mean;
    CHECK(std::fabs(got_mean - mean) < 4 * std::sqrt(var / seeds));
    CHECK(got_var > 0.8 * var);
    CHECK(got_var < 1.2 * var);
}

TEST_CASE("failures: a range of blocks outside the graph is refused", "[failures]") {
    CHECK_THROWS_AS(blockFailureCounts(100, 10, 1, 0, 2), std::invalid_argument);
    CHECK_THROWS_AS(blockFailureCounts(100, 101, 1, 0, 1), std::invalid_argument);
    CHECK_THROWS_AS(BlockFailures(FailureMode::Adversarial, 100, 0.1, 1, 0, 1), std::invalid_argument);
}

TEST_CASE("failures: mean identity sum_s e(s, Y) = k |Y| exactly, in every mode", "[failures]") {
    for (FailureMode mode : {FailureMode::Random, FailureMode::Independent, FailureMode::Adversarial}) {
        SimulationParams p = theoryRun(4, 0.1, 0.7, mode);
        p.n2 = 20000;
        const SimulationResult r = runSimulation(p);
        CHECK(r.skills.failed_edge_sum == uint64_t(p.k) * r.failed);
        CHECK(r.skills.edge_sum == uint64_t(p.k) * p.n2);
        // The degree-weighted mean failure is |Y| / N2: integer ratio k|Y| / (k N2).
        CHECK(r.skills.weightedMeanFailure() == double(uint64_t(p.k) * r.failed) / double(uint64_t(p.k) * p.n2));
        if (mode != FailureMode::Independent) CHECK(r.failed == exactFailureCount(p.theta, p.n2));
    }
}

TEST_CASE("failures: random Y matches the binomial tail of THEORY 3.3", "[failures]") {
    // dbar = 800, theta = 0.1, tau = 0.12: the reference value 0.03646 at degree 800. The expected
    // fraction averages the tail over the sampled degrees; sampling sd sqrt(p(1-p)/1000) ~ 0.006.
    const SimulationParams p = theoryRun(8, 0.1, 0.88, FailureMode::Random);
    SimulationJob job(p);
    job.runToEnd();
    REQUIRE(job.state() == JobState::Done);
    double expected = 0;
    for (uint32_t s = 0; s < p.n1; ++s) expected += randomYFraction(0.1, 0.12, job.graph().degree[s]);
    expected /= p.n1;
    CHECK(randomYFraction(0.1, 0.12, 800) == Approx(0.03646).epsilon(5e-4));
    CHECK(job.result().skills.fracAtMostC() == Approx(expected).margin(0.025));
    // beta = 2 is far out in the tail: essentially no skill below c (THEORY 8: <= 0.0012).
    const SimulationResult far = runSimulation(theoryRun(8, 0.1, 0.8, FailureMode::Random));
    CHECK(far.skills.fracAtMostC() <= 0.002);
}
