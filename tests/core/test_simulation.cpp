// One simulation run (src/core/graph/simulation): validation and the memory estimate before anything
// is allocated, closed forms of the result, slicing and streaming that change nothing, seeds.
#include "core/graph/piece_blocks.h"
#include "core/graph/simulation.h"
#include "core/graph/streamed_counts.h"
#include "simulation_fixtures.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>
#include <string>

using namespace slingshot;
using slingshot::testing::smallRun;

namespace {

void requireSame(const SimulationResult& a, const SimulationResult& b) {
    REQUIRE(a.slots_hash == b.slots_hash);
    REQUIRE(a.failed == b.failed);
    REQUIRE(a.skills.histogram == b.skills.histogram);
    REQUIRE(a.skills.below_c == b.skills.below_c);
    REQUIRE(a.tuples.has_value() == b.tuples.has_value());
    if (a.tuples) {
        REQUIRE(a.tuples->summary.histogram == b.tuples->summary.histogram);
        REQUIRE(a.tuples->failed_kpieces == b.tuples->failed_kpieces);
    }
}

}  // namespace

TEST_CASE("simulation: any slicing gives the same result, progress rises to 1", "[simulation]") {
    for (FailureMode mode : {FailureMode::Random, FailureMode::Independent, FailureMode::Adversarial}) {
        const uint32_t kprime = mode == FailureMode::Random ? 2 : mode == FailureMode::Independent ? 3 : 0;
        const SimulationParams p = smallRun(mode, kprime);
        const SimulationResult whole = slingshot::testing::runSimulation(p);
        for (uint64_t budget : {1ull, 777ull, 65536ull, 1000000ull}) {
            SimulationJob job(p);
            double last = job.progress();
            CHECK(last == 0.0);
            int steps = 0;
            while (job.step(budget)) {
                const double now = job.progress();
                REQUIRE(now >= last);
                REQUIRE(now <= 1.0);
                last = now;
                ++steps;
            }
            REQUIRE(job.state() == JobState::Done);
            CHECK(job.progress() == 1.0);
            if (budget == 1) CHECK(steps > 10);
            requireSame(job.result(), whole);
        }
    }
}

TEST_CASE("simulation: a streamed graph gives the kept graph's hash, degrees and competence, however sliced",
          "[simulation]") {
    for (FailureMode mode : {FailureMode::Random, FailureMode::Independent})
        for (uint32_t n1 : {200u, 70000u}) {  // 16-bit and 32-bit ids
            SimulationParams p = smallRun(mode, 0);
            p.n1 = n1;
            p.k = 7;  // chunks of 585 pieces: slices end inside chunks
            if (n1 > 200) p.measure.kind = MeasureSpec::Kind::Uniform;
            SimulationJob kept(p);
            kept.runToEnd();
            p.slots = SlotStorage::Streamed;
            for (uint64_t budget : {1ull, 777ull, 1000000ull}) {
                SimulationJob streamed(p);
                while (streamed.step(budget)) {
                }
                REQUIRE(streamed.state() == JobState::Done);
                requireSame(streamed.result(), kept.result());
                CHECK(streamed.result().skills.failed_edge_sum == kept.result().skills.failed_edge_sum);
                CHECK(streamed.graph().slots16.empty());
                CHECK(streamed.graph().slots32.empty());
                REQUIRE(streamed.streamedCounts() != nullptr);
                for (uint32_t s = 0; s < n1; ++s)
                    REQUIRE(streamed.streamedCounts()->degree[s] == kept.graph().degree[s]);
            }
        }
}

TEST_CASE("simulation: a streamed graph is refused where slots are read later, and needs far less memory",
          "[simulation]") {
    SimulationParams p = smallRun(FailureMode::Adversarial, 0);
    p.slots = SlotStorage::Streamed;
    CHECK_THROWS_WITH(SimulationJob(p), Catch::Contains("tuples and the adversarial search need them"));
    p = smallRun(FailureMode::Random, 2);
    p.slots = SlotStorage::Streamed;
    CHECK_THROWS_AS(SimulationJob(p), std::invalid_argument);
    // 1e8 pieces x 32 slots of 1e6 skills: 12.9 GB kept; streamed, a worker holds one block's flags
    // (1 MiB), a chunk, 32-bit degrees and failed edges (8 MB) and their 64-bit sums (16 MB), whatever N2.
    p = SimulationParams();
    p.n1 = 1000000;
    p.n2 = 100000000;
    p.k = 32;
    p.slots = SlotStorage::Streamed;
    const double bytes = estimateSimulationBytes(p);
    CHECK(bytes > 2.5e7);
    CHECK(bytes < 2.52e7);
    p.n2 = 1000000000000;  // 1e12: only the split of the failure count (8 B a block) grows
    CHECK(estimateSimulationBytes(p) - bytes == Approx(8.0 * (pieceBlockCount(p.n2) - pieceBlockCount(100000000))));
    CHECK(estimateSimulationBytes(p, 4) - estimateSimulationBytes(p) ==
          Approx(3 * StreamedCounter::bytesFor(p.n1, p.n2, p.k)));
    CHECK_NOTHROW(SimulationJob(p));  // constructing allocates nothing
    p.slots = SlotStorage::Kept;
    CHECK_THROWS_WITH(SimulationJob(p), Catch::Contains("a streamed run (no tuples, no adversary) takes up to"));
}

TEST_CASE("simulation: different seeds give different graphs", "[simulation]") {
    SimulationParams p = smallRun(FailureMode::Random, 0);
    const uint64_t h1 = slingshot::testing::runSimulation(p).slots_hash;
    p.seed = 100;
    CHECK(slingshot::testing::runSimulation(p).slots_hash != h1);
}

TEST_CASE("simulation: memory estimate refuses oversized runs before allocating", "[simulation]") {
    SimulationParams p;
    p.n1 = 1000000;
    p.n2 = 100000000;
    p.k = 32;
    p.memory_budget_bytes = 1.5e9;
    try {
        SimulationJob job(p);
        FAIL("expected a refusal");
    } catch (const MemoryBudgetError& e) {
        const std::string msg = e.what();
        CHECK(msg.find("about 12908 MB") != std::string::npos);  // 1e8 x 32 x 4 B slots + flags + two counts per skill
        CHECK(msg.find("limit of about 1500 MB") != std::string::npos);
    }
    p.n2 = 1000;
    p.n1 = 10;
    p.k = 3;
    CHECK_NOTHROW(SimulationJob(p));
    p.n1 = 0;
    CHECK_THROWS_AS(SimulationJob(p), std::invalid_argument);
}

TEST_CASE("simulation: the result's closed forms (mean degree, |Y|, realised theta, edge sums)", "[simulation]") {
    for (double theta : {0.0, 0.1234, 1.0}) {
        SimulationParams p;
        p.n1 = 300;
        p.n2 = 7001;
        p.k = 6;
        p.theta = theta;
        p.seed = 4;
        const SimulationResult r = slingshot::testing::runSimulation(p);
        const uint64_t m = static_cast<uint64_t>(std::llround(theta * 7001));
        CHECK(r.mean_degree == Approx(6.0 * 7001 / 300));
        CHECK(r.failed == m);
        CHECK(r.theta_realized == Approx(double(m) / 7001));
        CHECK(r.skills.edge_sum == 6u * 7001);
        CHECK(r.skills.failed_edge_sum == 6 * m);
        CHECK(r.skills.counted + r.skills.isolated == 300);
        if (theta == 0) CHECK(r.skills.at_most_c == 0);
        if (theta == 1) CHECK(r.skills.below_c == r.skills.counted);
        CHECK_FALSE(r.adversary.has_value());
        CHECK_FALSE(r.tuples.has_value());
    }
}

TEST_CASE("simulation: bad parameters are refused naming the parameter", "[simulation]") {
    auto refusal = [](auto change) {
        SimulationParams p;
        p.n1 = 100;
        p.n2 = 1000;
        change(p);
        try {
            validateSimulation(p);
        } catch (const std::invalid_argument& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    using Catch::Matchers::Contains;
    using Catch::Matchers::StartsWith;
    CHECK(refusal([](SimulationParams&) {}).empty());
    CHECK_THAT(refusal([](SimulationParams& p) { p.n1 = 0; }), StartsWith("n1: ") && Contains("out of range"));
    CHECK_THAT(refusal([](SimulationParams& p) { p.n2 = 0; }), StartsWith("n2: ") && Contains("out of range"));
    CHECK_THAT(refusal([](SimulationParams& p) { p.k = 0; }), StartsWith("k: "));
    CHECK_THAT(refusal([](SimulationParams& p) { p.theta = 1.5; }), StartsWith("theta: "));
    CHECK_THAT(refusal([](SimulationParams& p) { p.theta = std::nan(""); }), StartsWith("theta: "));
    CHECK_THAT(refusal([](SimulationParams& p) { p.c = -0.1; }), StartsWith("c: "));
    CHECK_THAT(refusal([](SimulationParams& p) { p.grid_points = 0; }), StartsWith("grid_points: "));
    CHECK(refusal([](SimulationParams& p) { p.kprime = 4; }) == "kprime: 4 is not allowed; allowed: 2 or 3");
    CHECK(refusal([](SimulationParams& p) {
              p.kprime = 3;
              p.k = 2;
              p.tuples = TupleReading::S;
          }) == "kprime: the S reading needs kprime <= k (co-occurring skills of one piece)");
    CHECK(refusal([](SimulationParams& p) { p.memory_budget_bytes = 0; }) ==
          "memory budget: must be a positive number of bytes");
    CHECK_THAT(refusal([](SimulationParams& p) {
                   p.measure.kind = MeasureSpec::Kind::Zipf;
                   p.measure.zipf_s = 11;
               }),
               StartsWith("zipf exponent s: "));
    CHECK(refusal([](SimulationParams& p) {
              p.measure.kind = MeasureSpec::Kind::Weights;
              p.measure.weights = {1, 2, 3};
          }) == "weights: 3 values given, one per skill needed (n1 = 100)");
    // The job refuses what validation refuses, before allocating anything.
    SimulationParams bad;
    bad.kprime = 4;
    CHECK_THROWS_WITH(SimulationJob(bad), "kprime: 4 is not allowed; allowed: 2 or 3");
}

TEST_CASE("simulation: a run on a taken graph equals the run that draws it", "[simulation][reuse]") {
    for (FailureMode mode : {FailureMode::Random, FailureMode::Independent, FailureMode::Adversarial})
        for (uint32_t kprime : {0u, 2u, 3u}) {
            const SimulationParams first = smallRun(mode, kprime);
            SimulationJob drawing(first);
            drawing.runToEnd();
            REQUIRE(drawing.sampledGraph());
            CHECK_FALSE(drawing.reusedGraph());
            // Another theta, c and failure mode on the same graph.
            SimulationParams next = first;
            next.theta = 0.2;
            next.c = 0.6;
            SimulationJob taking(next, drawing.sampledGraph());
            taking.runToEnd();
            SimulationJob fresh(next);
            fresh.runToEnd();
            CHECK(taking.reusedGraph());
            CHECK(taking.sampledGraph() == drawing.sampledGraph());
            const SimulationResult &a = taking.result(), &b = fresh.result();
            requireSame(a, b);
            CHECK(a.mean_degree == b.mean_degree);
            CHECK(a.skills.at_most_c == b.skills.at_most_c);
            if (a.adversary) CHECK(a.adversary->best_x == b.adversary->best_x);
            for (uint32_t s = 0; s < next.n1; ++s) REQUIRE(taking.failedEdges()[s] == fresh.failedEdges()[s]);
        }
}

TEST_CASE("simulation: another graph is drawn, not taken, and a streamed run keeps none", "[simulation][reuse]") {
    const SimulationParams p = smallRun(FailureMode::Random, 0);
    SimulationJob drawing(p);
    drawing.runToEnd();
    for (auto change : {+[](SimulationParams& q) { q.seed += 1; }, +[](SimulationParams& q) { q.n2 += 1; },
                        +[](SimulationParams& q) { q.k += 1; }, +[](SimulationParams& q) { q.measure.zipf_s = 1.5; },
                        +[](SimulationParams& q) { q.n1 += 1; }}) {
        SimulationParams other = p;
        change(other);
        CHECK_FALSE(sameGraph(p, other));
        SimulationJob job(other, drawing.sampledGraph());
        job.runToEnd();
        CHECK_FALSE(job.reusedGraph());
        SimulationJob fresh(other);
        fresh.runToEnd();
        CHECK(job.result().slots_hash == fresh.result().slots_hash);
    }
    SimulationParams streamed = p;
    streamed.slots = SlotStorage::Streamed;
    CHECK_FALSE(sameGraph(p, streamed));
    SimulationJob s(streamed, drawing.sampledGraph());
    s.runToEnd();
    CHECK_FALSE(s.reusedGraph());
    CHECK(s.sampledGraph() == nullptr);
    CHECK(s.result().slots_hash == drawing.result().slots_hash);
}

TEST_CASE("simulation: the skills are ready before the tuples, with their final numbers", "[simulation]") {
    for (FailureMode mode : {FailureMode::Random, FailureMode::Adversarial}) {
        const SimulationParams p = smallRun(mode, 2);
        const SimulationResult whole = slingshot::testing::runSimulation(p);
        SimulationJob job(p);
        CHECK_FALSE(job.skillsReady());
        while (!job.skillsReady() && job.step(1)) {
        }
        REQUIRE(job.skillsReady());
        REQUIRE_FALSE(job.finished());  // the tuples' stages are still to run
        CHECK_FALSE(job.result().tuples.has_value());
        CHECK(job.result().failed == whole.failed);
        CHECK(job.result().skills.histogram == whole.skills.histogram);
        CHECK(job.result().skills.below_c == whole.skills.below_c);
        CHECK(job.result().adversary.has_value() == (mode == FailureMode::Adversarial));
        job.runToEnd();
        requireSame(job.result(), whole);
    }
    // Without tuples the skills are the last stage: ready only when the run is done.
    SimulationJob single(smallRun(FailureMode::Random, 0));
    while (single.step(1)) CHECK_FALSE(single.skillsReady());
    CHECK(single.skillsReady());
}
