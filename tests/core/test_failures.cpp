#include "core/graph/competence.h"
#include "core/graph/failures.h"
#include "core/theory/bounds.h"
#include "core/theory/tightness.h"
#include "simulation_fixtures.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace slingshot;
using slingshot::testing::countFlags;
using slingshot::testing::runSimulation;
using slingshot::testing::theoryRun;

TEST_CASE("failures: random Y has exactly round(theta N2) pieces", "[failures]") {
    for (double theta : {0.0, 0.001, 0.1, 0.5, 0.7, 0.999, 1.0}) {
        FailureSet y;
        const uint64_t n2 = 12345;
        const uint64_t m = exactFailureCount(theta, n2);
        CHECK(m == static_cast<uint64_t>(std::llround(theta * n2)));
        ExactCountFailures picker(y, n2, m, 3);
        picker.pick(0, picker.picks() / 2);
        picker.pick(picker.picks() / 2, picker.picks());
        CHECK(countFlags(y) == m);
        CHECK(y.count == m);
    }
}

TEST_CASE("failures: independent failures have mean theta N2", "[failures]") {
    FailureSet y;
    const uint64_t n2 = 200000;
    IndependentFailures f(y, n2, 0.1, 8);
    f.decide(0, 1000);
    f.decide(1000, n2);
    const double sd = std::sqrt(n2 * 0.1 * 0.9);
    CHECK(std::fabs(double(y.count) - 20000) < 5 * sd);
    CHECK(countFlags(y) == y.count);
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
