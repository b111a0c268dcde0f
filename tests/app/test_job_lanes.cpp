#include "app/engine.h"
#include "app/job_lanes.h"
#include "app/simulation_runner.h"
#include "imgui_fixture.h"

#include <catch2/catch.hpp>

#include <memory>
#include <vector>

using namespace slingshot;

namespace {

using Lanes = app::JobLanes<SimulationParams, double>;

// Lanes of simulations whose result is the fraction of skills with competence <= c.
Lanes simulationLanes(size_t lanes) {
    return Lanes(
        lanes, app::JobKind::Simulation, [](const SimulationParams& p) { return app::simulationRequest(p, 0); },
        [](const SimulationParams&, const app::Bytes& bytes) {
            return std::make_unique<double>(app::simulationSnapshotOf(bytes)->result.skills.fracAtMostC());
        });
}

SimulationParams seedParams(uint64_t seed) {
    SimulationParams p;
    p.n1 = 100;
    p.n2 = 5000;
    p.k = 4;
    p.seed = seed;
    return p;
}

std::vector<SimulationParams> seedsUpTo(uint64_t n) {
    std::vector<SimulationParams> out;
    for (uint64_t s = 1; s <= n; ++s) out.push_back(seedParams(s));
    return out;
}

int runUntilDone(test::HeadlessImGui& gui, Lanes& lanes, const std::vector<SimulationParams>& wanted) {
    int frames = 0;
    do {
        gui.frame([&] { lanes.update(wanted, 8.0, 0); });
    } while (lanes.busy() && ++frames < 20000);
    return frames;
}

double fracOf(const SimulationParams& p) {
    SimulationJob job(p);
    job.runToEnd();
    return job.result().skills.fracAtMostC();
}

}  // namespace

TEST_CASE("job lanes: every wanted job runs once, its result kept by its index", "[app][lanes]") {
    test::HeadlessImGui gui;
    Lanes lanes = simulationLanes(2);
    const auto wanted = seedsUpTo(5);
    runUntilDone(gui, lanes, wanted);
    REQUIRE(lanes.finished() == 5);
    CHECK(lanes.progress() == 1.0);
    CHECK_FALSE(lanes.running());
    for (size_t i = 0; i < 5; ++i) {
        REQUIRE(lanes.result(i));
        CHECK(*lanes.result(i) == fracOf(wanted[i]));
    }
    CHECK(lanes.result(5) == nullptr);
}

TEST_CASE("job lanes: a longer list keeps the results it shares, a changed entry runs again", "[app][lanes]") {
    test::HeadlessImGui gui;
    Lanes lanes = simulationLanes(3);
    runUntilDone(gui, lanes, seedsUpTo(3));
    const double first = *lanes.result(0);
    auto wanted = seedsUpTo(6);
    gui.frame([&] { lanes.update(wanted, 8.0, 0); });
    CHECK(lanes.finished() >= 3);  // the three shared entries stay
    CHECK(lanes.result(0));
    CHECK(*lanes.result(0) == first);
    runUntilDone(gui, lanes, wanted);
    CHECK(lanes.finished() == 6);
    const double before = *lanes.result(1);
    wanted[1].theta = 0.3;
    runUntilDone(gui, lanes, wanted);
    REQUIRE(lanes.result(1));
    CHECK(*lanes.result(1) == fracOf(wanted[1]));
    CHECK(*lanes.result(1) != before);
}

TEST_CASE("job lanes: a refusal stops the rest, cancel keeps what finished", "[app][lanes]") {
    test::HeadlessImGui gui;
    Lanes lanes = simulationLanes(2);
    auto wanted = seedsUpTo(4);
    wanted[0].n1 = 0;  // refused by the engine
    runUntilDone(gui, lanes, wanted);
    CHECK_FALSE(lanes.error().empty());
    CHECK_FALSE(lanes.busy());
    CHECK_FALSE(lanes.running());

    Lanes other = simulationLanes(1);
    const auto good = seedsUpTo(4);
    int frames = 0;
    do {
        gui.frame([&] { other.update(good, 8.0, 0); });
    } while (other.finished() < 1 && ++frames < 20000);
    other.cancel();
    CHECK(other.cancelled());
    CHECK_FALSE(other.busy());
    CHECK_FALSE(other.running());
    const size_t kept = other.finished();
    gui.frame([&] { other.update(good, 8.0, 0); });
    CHECK(other.finished() == kept);  // nothing new starts until the list changes
    CHECK(other.result(0));
}
