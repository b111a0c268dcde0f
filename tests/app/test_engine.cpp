// The app's engine (src/app/engine): jobs started by kind with encoded parameters, advanced in slices,
// read back as news; refusals and cancels as news; a certificate rebuilt from its parts answers as the
// original. The page's worker pool runs the same RunningJob (src/platform/worker_entry.cpp).
#include "../core/simulation_fixtures.h"
#include "app/certificate_task.h"
#include "app/engine.h"
#include "app/simulation_runner.h"
#include "core/graph/piece_blocks.h"
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

    SimulationParams big = smallParams();
    big.n2 = 2000000;
    app::RunningJob job(app::JobKind::Simulation, app::simulationRequest(big, 0));
    job.step(0.001);
    REQUIRE(job.news().state == JobNews::State::Running);
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
    const SkillMeasure mu = SkillMeasure::uniform(50);  // the sampler keeps a reference
    GraphSampler sampler(g, mu, 5);
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

TEST_CASE("engine: a streamed simulation split over workers joins into the unsplit run's snapshot", "[app][engine]") {
    app::InProcessEngine engine;
    SimulationParams p = smallParams();
    p.n2 = 3 * kPiecesPerBlock + 777;  // four blocks, the last one short
    p.k = 2;
    p.measure.kind = MeasureSpec::Kind::Uniform;
    const app::Bytes request = app::simulationRequest(p, 1000);  // too big to keep: streamed
    auto run = [&](app::JobKind kind, const app::Bytes& r) {
        const uint64_t t = engine.start(kind, r);
        while (engine.advance(t, 50).state == JobNews::State::Running) {
        }
        JobNews news = engine.advance(t, 0);
        engine.stop(t);
        return news;
    };
    const JobNews whole = run(app::JobKind::Simulation, request);
    REQUIRE(whole.state == JobNews::State::Done);
    const auto expected = app::simulationSnapshotOf(whole.result);
    CHECK(expected->params.slots == SlotStorage::Streamed);
    CHECK(expected->slots.empty());
    CHECK(!app::SplitJob::make(app::JobKind::Simulation, request, 1));
    CHECK(!app::SplitJob::make(app::JobKind::Simulation, app::simulationRequest(smallParams(), 1000000), 4));
    for (unsigned ways : {2u, 3u, 4u, 9u}) {
        const auto split = app::SplitJob::make(app::JobKind::Simulation, request, ways);
        REQUIRE(split);
        CHECK(split->partRequests().size() == std::min(ways, 4u));
        std::vector<JobNews> parts;
        for (const app::Bytes& part : split->partRequests()) parts.push_back(run(split->partKind(), part));
        std::vector<const JobNews*> ptrs;
        for (const JobNews& n : parts) ptrs.push_back(&n);
        const JobNews joined = split->combine(ptrs);
        REQUIRE(joined.state == JobNews::State::Done);
        const auto got = app::simulationSnapshotOf(joined.result);
        CHECK(got->result.slots_hash == expected->result.slots_hash);
        CHECK(got->result.failed == expected->result.failed);
        CHECK(got->result.skills.histogram == expected->result.skills.histogram);
        CHECK(got->degree == expected->degree);
        CHECK(got->failed_edges == expected->failed_edges);
        // One part still running: the whole runs, at the parts' mean progress; one failed: it failed.
        JobNews running = parts[0];
        running.state = JobNews::State::Running;
        running.progress = 0.5;
        ptrs[0] = &running;
        const JobNews partly = split->combine(ptrs);
        CHECK(partly.state == JobNews::State::Running);
        CHECK(partly.progress == Approx((0.5 + double(ptrs.size() - 1)) / double(ptrs.size())));
        running.state = JobNews::State::Failed;
        running.error = "out of memory";
        CHECK(split->combine(ptrs).error == "out of memory");
    }
}

TEST_CASE("engine: a simulation with tuples sends its skills once, before its tuples", "[app][engine]") {
    app::InProcessEngine engine;
    const SimulationParams p = slingshot::testing::smallRun(FailureMode::Random, 2);
    SimulationJob direct(p);
    direct.runToEnd();
    const uint64_t ticket = engine.start(app::JobKind::Simulation, app::simulationRequest(p, 0));
    std::vector<app::Bytes> partials;
    const JobNews* news = nullptr;
    for (int slices = 0; slices < 100000; ++slices) {
        news = &engine.advance(ticket, 0.01);
        if (news->state != JobNews::State::Running) break;
        CHECK(news->partial_count == partials.size() + !news->partial.empty());
        if (!news->partial.empty()) {
            partials.push_back(news->partial);
            CHECK(news->progress < 1.0);
            // What a worker posts carries it.
            CHECK(app::decodeNews(app::encodeNews(*news)).partial == news->partial);
        }
    }
    REQUIRE(news->state == JobNews::State::Done);
    CHECK(news->partial.empty());  // only in the slice that made it
    CHECK(news->partial_count == 1);
    REQUIRE(partials.size() == 1);
    const auto part = app::simulationSnapshotOf(partials[0]);
    CHECK(part->params == p);
    CHECK_FALSE(part->result.tuples.has_value());
    CHECK(part->result.slots_hash == direct.result().slots_hash);
    CHECK(part->result.skills.histogram == direct.result().skills.histogram);
    CHECK(part->failed_edges == std::vector<uint32_t>(direct.failedEdges().data(), direct.failedEdges().data() + p.n1));
    const auto whole = app::simulationSnapshotOf(news->result);
    REQUIRE(whole->result.tuples.has_value());
    CHECK(whole->result.tuples->summary.histogram == direct.result().tuples->summary.histogram);

    // A run without tuples has nothing to send early.
    const uint64_t single = engine.start(
        app::JobKind::Simulation, app::simulationRequest(slingshot::testing::smallRun(FailureMode::Random, 0), 0));
    do {
        news = &engine.advance(single, 0.01);
        CHECK(news->partial.empty());
    } while (news->state == JobNews::State::Running);
    CHECK(news->partial_count == 0);
}

TEST_CASE("engine: a worker's later news keeps the partial result it does not replace", "[app][engine]") {
    JobNews known;
    JobNews with_part;
    with_part.progress = 0.4;
    with_part.partial = {1, 2, 3};
    with_part.partial_count = 1;
    app::updateNews(known, with_part);
    CHECK(known.partial == app::Bytes{1, 2, 3});
    JobNews later;  // the next slice's news: the same count, no bytes
    later.progress = 0.6;
    later.partial_count = 1;
    app::updateNews(known, later);
    CHECK(known.progress == 0.6);
    CHECK(known.partial == app::Bytes{1, 2, 3});
    JobNews newer;  // a second partial replaces the first
    newer.partial = {9};
    newer.partial_count = 2;
    app::updateNews(known, newer);
    CHECK(known.partial == app::Bytes{9});
    JobNews done;  // the final news: the partial is not kept with it
    done.state = JobNews::State::Done;
    done.partial_count = 2;
    app::updateNews(known, done);
    CHECK(known.partial.empty());
    CHECK(known.state == JobNews::State::Done);
}
