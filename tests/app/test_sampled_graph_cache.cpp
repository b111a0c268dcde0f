#include "app/engine.h"
#include "app/sampled_graph_cache.h"
#include "app/simulation_runner.h"

#include <catch2/catch.hpp>

using namespace slingshot;

namespace {

SimulationParams small(double theta, uint64_t seed = 3) {
    SimulationParams p;
    p.n1 = 150;
    p.n2 = 8000;
    p.k = 4;
    p.theta = theta;
    p.kprime = 2;
    p.seed = seed;
    return p;
}

// Runs one simulation job on the in-process engine to the end; its snapshot.
std::unique_ptr<app::SimulationSnapshot> runOnEngine(const SimulationParams& p) {
    app::InProcessEngine engine;
    const uint64_t t = engine.start(app::JobKind::Simulation, app::simulationRequest(p, 0));
    const app::JobNews* news = &engine.advance(t, 1e9);
    while (news->state == app::JobNews::State::Running) news = &engine.advance(t, 1e9);
    REQUIRE(news->state == app::JobNews::State::Done);
    return app::simulationSnapshotOf(news->result);
}

}  // namespace

TEST_CASE("sampled graph cache: the next run on the same graph takes it and gets the same numbers",
          "[app][graph_cache]") {
    app::keepGraph(nullptr);
    const uint64_t before = app::keptGraphTakes();
    const auto first = runOnEngine(small(0.1));
    const auto second = runOnEngine(small(0.25));  // another theta: the same graph
    CHECK(app::keptGraphTakes() == before + 1);
    SimulationJob fresh(small(0.25));
    fresh.runToEnd();
    CHECK(second->result.slots_hash == first->result.slots_hash);
    CHECK(second->result.slots_hash == fresh.result().slots_hash);
    CHECK(second->result.failed == fresh.result().failed);
    CHECK(second->result.skills.histogram == fresh.result().skills.histogram);
    CHECK(second->result.tuples->summary.histogram == fresh.result().tuples->summary.histogram);
    CHECK(second->failed_edges == std::vector<uint32_t>(fresh.failedEdges().data(), fresh.failedEdges().data() + 150));
    // Another seed is another graph: drawn, and the kept one let go.
    runOnEngine(small(0.1, 4));
    CHECK(app::keptGraphTakes() == before + 1);
    CHECK(app::keptGraphFor(small(0.1, 3)) == nullptr);
}

TEST_CASE("sampled graph cache: graphs name their worker, streamed runs none", "[app][graph_cache]") {
    const uint32_t a = app::graphAffinity(small(0.1));
    CHECK(a != 0);
    CHECK(a == app::graphAffinity(small(0.3)));  // theta does not change the graph
    CHECK(a != app::graphAffinity(small(0.1, 4)));
    SimulationParams zipf = small(0.1);
    zipf.measure.kind = MeasureSpec::Kind::Zipf;
    CHECK(a != app::graphAffinity(zipf));
    SimulationParams streamed = small(0.1);
    streamed.slots = SlotStorage::Streamed;
    CHECK(app::graphAffinity(streamed) == 0);
    CHECK(app::jobAffinity(app::JobKind::Simulation, app::simulationRequest(small(0.1), 0)) == a);
    CHECK(app::jobAffinity(app::JobKind::Certificate, app::simulationRequest(small(0.1), 0)) == 0);
}
