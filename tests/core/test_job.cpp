#include "core/base/job.h"
#include "simulation_fixtures.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <stdexcept>

using namespace slingshot;
using slingshot::testing::smallRun;

TEST_CASE("job: cancel stops at a block boundary, runFor is time-boxed", "[job]") {
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
