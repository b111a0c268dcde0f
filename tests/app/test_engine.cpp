// The app's engine (src/app/engine): jobs started by kind with encoded parameters, advanced in slices,
// read back as news; refusals and cancels as news; a certificate rebuilt from its parts answers as the
// original. The page's worker pool runs the same RunningJob (src/platform/worker_entry.cpp).
#include "app/certificate_task.h"
#include "app/engine.h"
#include "app/simulation_runner.h"
#include "../core/simulation_fixtures.h"
#include "core/graph/simulation.h"

#include <catch2/catch.hpp>

using namespace slingshot;
using app::JobNews;

namespace {

SimulationParams smallParams() { return slingshot::testing::smallRun(FailureMode::Random, 0); }

}  // namespace

TEST_CASE("engine: a simulation job in slices gives the job's own result", "[app][engine]") {
    app::InProcessEngine engine;
    const SimulationParams p = smallParams();
    const uint64_t ticket = engine.start(app::JobKind::Simulation, app::simulationRequest(p, 1000000));
    int slices = 0;
    const JobNews* news = nullptr;
    do {
        news = &engine.advance(ticket, 0.01);
        ++slices;
    } while (news->state == JobNews::State::Running && slices < 100000);
    REQUIRE(news->state == JobNews::State::Done);
    CHECK(slices > 1);
    const auto snap = app::simulationSnapshotOf(news->result);
    SimulationJob direct(p);
    direct.runToEnd();
    CHECK(snap->params == p);
    CHECK(snap->result.slots_hash == direct.result().slots_hash);
    CHECK(snap->result.skills.histogram == direct.result().skills.histogram);
    CHECK(snap->degree.size() == p.n1);
    CHECK(snap->slots.size() == p.n2 * p.k);  // kept: within the 1e6 slots asked for
    CHECK(snap->probability.size() == p.n1);  // Zipf: the measure travels with the result
    // The news survives its own encoding (what a worker posts).
    CHECK(app::encodeNews(app::decodeNews(app::encodeNews(*news))) == app::encodeNews(*news));
    engine.stop(ticket);
    CHECK(engine.advance(ticket, 1).error == "no such job");
}

TEST_CASE("engine: a refused job and a cancelled one come back as failed news", "[app][engine]") {
    app::InProcessEngine engine;
    SimulationParams bad = smallParams();
    bad.n1 = 0;
    const uint64_t refused = engine.start(app::JobKind::Simulation, app::simulationRequest(bad, 0));
    const JobNews& news = engine.advance(refused, 1);
    CHECK(news.state == JobNews::State::Failed);
    CHECK_THAT(news.error, Catch::Contains("n1"));
    CHECK(engine.advance(refused, 1).state == JobNews::State::Failed);  // stays failed

    app::RunningJob job(app::JobKind::Simulation, app::simulationRequest(smallParams(), 0));
    job.step(0.001);
    job.cancel();
    CHECK(job.news().state == JobNews::State::Failed);
    CHECK(job.news().error == "cancelled");

    app::RunningJob garbage(app::JobKind::Certificate, app::Bytes{1, 2, 3});
    CHECK(garbage.news().state == JobNews::State::Failed);
    CHECK_THAT(garbage.news().error, Catch::Contains("engine message"));
}

TEST_CASE("engine: a certifier rebuilt from its parts certifies as the original", "[app][engine]") {
    SkillGraph g;
    g.n1 = 50;
    g.n2 = 3000;
    g.k = 3;
    GraphSampler sampler(g, SkillMeasure::uniform(50), 5);
    sampler.sampleUntil(g.n2);
    const MixingCertifier original(g, 40.0);
    const MixingCertifier rebuilt(original.parts());
    for (double theta : {0.01, 0.1, 0.3})
        for (double c : {0.2, 0.5, 0.9}) {
            const MixingCertificate a = original.certify(theta, c), b = rebuilt.certify(theta, c);
            CHECK(a.max_skills == b.max_skills);
            CHECK(a.frac == b.frac);
            CHECK(a.limit == b.limit);
        }
    MixingCertifier::Parts bad = original.parts();
    bad.prefix.clear();
    CHECK_THROWS_AS(MixingCertifier(bad), std::invalid_argument);
}
