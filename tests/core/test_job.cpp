#include "core/base/job.h"
#include "simulation_fixtures.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <stdexcept>

using namespace slingshot;

namespace {

SimulationParams smallRun(FailureMode mode, uint32_t kprime) {
    SimulationParams p;
    p.n1 = 200;
    p.n2 = 30000;
    p.k = 5;
    p.theta = 0.1;
    p.c = 0.7;
    p.failure = mode;
    p.kprime = kprime;
    p.tuples = kprime == 3 ? TupleReading::S : TupleReading::T2;
    p.measure.kind = MeasureSpec::Kind::Zipf;
    p.seed = 99;
    return p;
}

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

TEST_CASE("job: any slicing gives the same result, progress rises to 1", "[job]") {
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

TEST_CASE("job: a streamed graph gives the kept graph's hash, degrees and competence, however sliced", "[job]") {
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
                for (uint32_t s = 0; s < n1; ++s) REQUIRE(streamed.graph().degree[s] == kept.graph().degree[s]);
            }
        }
}

TEST_CASE("job: a streamed graph is refused where slots are read later, and needs far less memory", "[job]") {
    SimulationParams p = smallRun(FailureMode::Adversarial, 0);
    p.slots = SlotStorage::Streamed;
    CHECK_THROWS_WITH(SimulationJob(p), Catch::Contains("tuples and the adversarial search need them"));
    p = smallRun(FailureMode::Random, 2);
    p.slots = SlotStorage::Streamed;
    CHECK_THROWS_AS(SimulationJob(p), std::invalid_argument);
    // 1e8 pieces x 32 slots of 1e6 skills: 12.9 GB kept; streamed, the failure flags (1e8 B) dominate.
    p = SimulationParams();
    p.n1 = 1000000;
    p.n2 = 100000000;
    p.k = 32;
    p.slots = SlotStorage::Streamed;
    const double bytes = estimateSimulationBytes(p);
    CHECK(bytes > 1e8);
    CHECK(bytes < 1.1e8);
    CHECK_NOTHROW(SimulationJob(p));  // constructing allocates nothing
}

TEST_CASE("job: different seeds give different graphs", "[job]") {
    SimulationParams p = smallRun(FailureMode::Random, 0);
    const uint64_t h1 = slingshot::testing::runSimulation(p).slots_hash;
    p.seed = 100;
    CHECK(slingshot::testing::runSimulation(p).slots_hash != h1);
}

TEST_CASE("job: cancel stops at a block boundary; runFor is time-boxed", "[job]") {
    SimulationJob job(smallRun(FailureMode::Adversarial, 0));
    CHECK(job.step(1));
    job.cancel();
    CHECK(job.state() == JobState::Cancelled);
    CHECK_FALSE(job.step(1000));
    SimulationJob timed(smallRun(FailureMode::Random, 0));
    while (timed.runFor(1.0)) {
    }
    CHECK(timed.state() == JobState::Done);
    CHECK(timed.elapsedMs() > 0);
}

TEST_CASE("job: an exception inside a stage fails the job with its message", "[job]") {
    struct Failing : Job {
        Failing() {
            JobStage s;
            s.name = "failing stage";
            s.begin = [] { return uint64_t(10); };
            s.block = [](uint64_t first, uint64_t) {
                if (first >= 5) throw std::runtime_error("boom");
            };
            s.block_items = 5;
            addStage(std::move(s));
        }
    } job;
    job.runToEnd();
    CHECK(job.state() == JobState::Failed);
    CHECK(job.error() == "boom");
}

TEST_CASE("job: memory estimate refuses oversized runs before allocating", "[job]") {
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

TEST_CASE("job: runFor reads the clock after every block, not after a full step of items", "[job]") {
    struct Slow : Job {
        Slow() {
            JobStage s;
            s.name = "slow blocks";
            s.begin = [] { return uint64_t(2000); };
            s.block = [](uint64_t, uint64_t) {  // about 1 ms per block of one item
                const auto t0 = std::chrono::steady_clock::now();
                while (std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(1)) {
                }
            };
            s.block_items = 1;
            addStage(std::move(s));
        }
    };
    Slow job;
    CHECK(job.runFor(5.0));
    // A 5 ms budget stops after a handful of 1 ms blocks (generous bound for a loaded machine).
    CHECK(job.progress() < 0.05);
    CHECK(job.elapsedMs() < 100);
}
