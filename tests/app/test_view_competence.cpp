#include "app/plot.h"
#include "app/view_competence.h"
#include "core/graph/ensemble_bands.h"
#include "core/graph/simulation.h"
#include "core/graph/spectral.h"
#include "core/graph/spectral_certificate.h"
#include "core/theory/bounds.h"
#include "core/theory/tightness.h"
#include "query/query.h"
#include "sim_view_frames.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace slingshot;

namespace {

using test::setParam;

const ui::PlotSeries& seriesNamed(const char* plot, const std::string& prefix) {
    const auto& all = ui::plotSeries(plot);
    auto it =
        std::find_if(all.begin(), all.end(), [&](const ui::PlotSeries& s) { return s.name.rfind(prefix, 0) == 0; });
    REQUIRE(it != all.end());
    return *it;
}

}  // namespace

TEST_CASE("competence view: binds every simulate flag it uses", "[app][competence]") {
    app::CompetenceView v;
    std::vector<std::string> names;
    for (const auto& b : v.bindings()) names.push_back(b.spec.name);
    for (const char* n : {"n1", "n2", "k", "theta", "failure", "c", "kprime", "tuples", "measure", "zipf-s", "seed"})
        CHECK(std::find(names.begin(), names.end(), n) != names.end());
    CHECK(v.plotIds().size() == 3);
}

TEST_CASE("competence view: defaults put the adversary between random failures and the guarantee",
          "[app][competence]") {
    test::HeadlessImGui gui;
    app::CompetenceView v;
    // The theory is drawn from the first frame on, before the simulation finishes.
    test::viewFrame(gui, v);
    const ui::PlotSeries& g0 = seriesNamed("competence-fraction", "Thm 8 guarantee");
    REQUIRE(g0.x.size() == kOverlaySteps + 1);
    for (size_t j = 0; j < g0.x.size(); j += 13) CHECK(g0.y[j] == fracCompetent(0.1, g0.x[j], 8));

    const int frames = test::runViewToEnd(gui, v);
    // The job ran across many frames (slices of about 8 ms; slice times are measured, not asserted:
    // see docs/PERFORMANCE.md).
    CHECK(frames > 20);
    const app::SimulationSnapshot* s = v.runner().last();
    REQUIRE(s);
    REQUIRE(s->params.failure == FailureMode::Adversarial);
    REQUIRE(s->params.n2 == 1000000);

    // Simulated curve = the engine's curve.
    const ui::PlotSeries& sim = seriesNamed("competence-fraction", "simulated");
    const auto curve = s->result.skills.curve();
    REQUIRE(sim.x.size() == curve.size());
    for (size_t j = 0; j < curve.size(); ++j) CHECK(sim.y[j] == curve[j].frac);

    // At c = 0.8: random Y (about 0) < adversary < exact worst case alpha_A <= Thm 8 bound (0.433).
    const double adv = s->result.skills.fracAtMostC();
    const double alpha_a = greedyAdversaryAlpha(0.1, 0.2, 8), bound = 1 - fracCompetent(0.1, 0.8, 8);
    CHECK(bound == Approx(0.4328).epsilon(5e-4));
    CHECK(randomYFraction(0.1, 0.2, 8000) < 1e-6);
    CHECK(adv > 0.2);
    CHECK(adv <= alpha_a + 0.01);
    CHECK(alpha_a < bound);

    // Overlays: worst case, random Y, finite size, all from the engine.
    const ui::PlotSeries& worst = seriesNamed("competence-fraction", "exact worst case");
    const ui::PlotSeries& random = seriesNamed("competence-fraction", "random Y");
    const ui::PlotSeries& finite = seriesNamed("competence-fraction", "Thm 8, finite size");
    for (size_t j = 0; j < worst.x.size(); j += 17) {
        CHECK(worst.y[j] == 1 - greedyAdversaryAlpha(0.1, 1 - worst.x[j], 8));
        CHECK(random.y[j] == 1 - randomYFraction(0.1, 1 - random.x[j], 8000));
        CHECK(finite.y[j] == fracCompetent(0.1, finite.x[j], 8, 1e-3));
    }

    // Histogram: counts every skill with edges once.
    const ui::PlotSeries& hist = seriesNamed("competence-histogram", "skills (high)");
    double total = 0;
    for (size_t i = 0; i < hist.y.size(); i += 2) total += hist.y[i];
    CHECK(total == double(s->result.skills.counted));

    // Pairs (T2): simulated curve and the T2 guarantee.
    REQUIRE(s->result.tuples);
    const ui::PlotSeries& tsim = seriesNamed("competence-tuples", "simulated");
    const auto tcurve = s->result.tuples->summary.curve();
    REQUIRE(tsim.y.size() == tcurve.size());
    for (size_t j = 0; j < tcurve.size(); j += 7) CHECK(tsim.y[j] == tcurve[j].frac);
    const ui::PlotSeries& t2 = seriesNamed("competence-tuples", "k\u2032-tuples: T2 guarantee");
    for (size_t j = 0; j < t2.x.size(); j += 11) CHECK(t2.y[j] == fracTuplesT2(0.1, t2.x[j], 8, 2));
}

TEST_CASE("competence view: over-budget and invalid requests show a message and keep the last result",
          "[app][competence]") {
    test::HeadlessImGui gui;
    app::CompetenceView v;
    setParam(v, "n2", 20000);
    setParam(v, "failure", "random");
    test::runViewToEnd(gui, v);
    REQUIRE(v.runner().last());
    const uint64_t gen = v.runner().generation();

    // Triples co-occurring in pieces of 32 skills at N2 = 1e7: far above the memory budget.
    setParam(v, "n2", 10000000);
    setParam(v, "k", 32);
    setParam(v, "kprime", 3);
    setParam(v, "tuples", "s");
    test::runViewToEnd(gui, v);
    CHECK(v.runner().error().find("memory limit") != std::string::npos);
    CHECK(v.runner().generation() == gen);
    REQUIRE(v.runner().last());
    CHECK(v.runner().last()->params.n2 == 20000);
    for (int i = 0; i < 5; ++i) test::viewFrame(gui, v);

    // The read-outs say the refused run was not run, not that they wait for it.
    for (const auto& r : v.readouts()) {
        INFO(r.caption << ": " << r.value << " " << r.unit);
        CHECK(r.unit.find("waiting") == std::string::npos);
        CHECK(r.unit.find("computing") == std::string::npos);
    }

    // S with k' > k is refused by validation, again with the engine's message.
    setParam(v, "n2", 20000);
    setParam(v, "k", 2);
    test::runViewToEnd(gui, v);
    CHECK(v.runner().error().find("kprime") != std::string::npos);

    // Back to a valid request: it runs.
    setParam(v, "tuples", "t2");
    test::runViewToEnd(gui, v);
    CHECK(v.runner().error().empty());
    CHECK(v.runner().generation() == gen + 1);
}

TEST_CASE("competence view: extreme parameters draw without errors", "[app][competence]") {
    test::HeadlessImGui gui;
    app::CompetenceView v;
    setParam(v, "n2", 1000);
    for (auto [n1, theta, c, failure] : {std::tuple{1, 0.0, 0.0, "random"}, std::tuple{1000, 1.0, 1.0, "adversarial"},
                                         std::tuple{2, 0.5, 0.99, "independent"}}) {
        setParam(v, "n1", n1);
        setParam(v, "theta", theta);
        setParam(v, "c", c);
        setParam(v, "failure", failure);
        test::runViewToEnd(gui, v);
        CHECK(v.runner().error().empty());
        for (auto size : {ImVec2(900, 600), ImVec2(320, 240)}) test::viewFrame(gui, v, size.x, size.y);
        for (const char* id : {"competence-fraction", "competence-histogram", "competence-tuples"})
            for (const auto& s : ui::plotSeries(id))
                for (double y : s.y) CHECK(std::isfinite(y));
    }
}

namespace {

// Frames until both the simulation and the certificate are done for the wanted graph.
int runWithCertificate(test::HeadlessImGui& gui, app::CompetenceView& v, int max_frames = 40000) {
    int frames = 0;
    do {
        test::viewFrame(gui, v);
        ++frames;
    } while (((v.runner().stale() && v.runner().error().empty()) || !v.certificate().settled()) && frames < max_frames);
    test::viewFrame(gui, v);
    return frames + 1;
}

}  // namespace

TEST_CASE("competence view: the certificate of the simulated graph is drawn and holds for its failure set",
          "[app][competence][certificate]") {
    test::HeadlessImGui gui;
    app::CompetenceView v;
    setParam(v, "n2", 100000);  // degree 800: the certificate is informative and quick
    const double theta = 0.1;
    CHECK(v.busy());
    runWithCertificate(gui, v);
    CHECK_FALSE(v.busy());
    const app::SimulationSnapshot* s = v.runner().last();
    const app::CertificateTask::Done* d = v.certificate().last();
    REQUIRE(s);
    REQUIRE(d);
    REQUIRE(v.certificate().error().empty());
    CHECK(d->slots_hash == s->result.slots_hash);  // the very graph simulated

    // The engine's certificate on the same graph, computed independently of the view.
    SimulationJob sim(s->params);
    sim.runToEnd();
    REQUIRE(sim.state() == JobState::Done);
    SpectralParams sp;
    sp.seed = s->params.seed;
    SpectralJob lanczos(sim.graph(), sp);
    lanczos.runToEnd();
    REQUIRE(lanczos.state() == JobState::Done);
    const MixingCertifier cert(sim.graph(), lanczos.result().sigma_centred_upper);

    const ui::PlotSeries& drawn = seriesNamed("competence-fraction", "certificate for this graph");
    const ui::PlotSeries& simulated = seriesNamed("competence-fraction", "simulated");
    const ui::PlotSeries& guarantee = seriesNamed("competence-fraction", "Thm 8 guarantee");
    REQUIRE(drawn.x.size() == kOverlaySteps + 1);
    for (size_t j = 0; j < drawn.x.size(); ++j) CHECK(drawn.y[j] == 1 - cert.certify(theta, drawn.x[j]).frac);
    // The adversary's failure set has round(theta N2) pieces: its competent fraction is at least the
    // certified one at every c of the simulated curve (grid 0.01).
    for (size_t j = 0; j < simulated.x.size(); ++j) {
        const double c = simulated.x[j];
        CHECK(simulated.y[j] >= 1 - cert.certify(theta, c).frac - 1e-12);
    }
    // At N2/N1 = 100 the certificate is close to, and here below, the asymptotic guarantee at c = 0.5.
    const size_t half = kOverlaySteps / 2;
    CHECK(drawn.x[half] == 0.5);
    CHECK(drawn.y[half] <= guarantee.y[half] + 1e-12);
    CHECK(drawn.y[half] > guarantee.y[half] - 0.1);
}

TEST_CASE("competence view: a Zipf graph is certified as sampled, and certificate=off runs nothing",
          "[app][competence][certificate]") {
    test::HeadlessImGui gui;
    app::CompetenceView v;
    setParam(v, "n2", 30000);
    setParam(v, "measure", "zipf");
    setParam(v, "zipf-s", 1.0);
    runWithCertificate(gui, v);
    REQUIRE(v.runner().last());
    REQUIRE(v.certificate().last());
    CHECK(v.certificate().last()->key.zipf_s == 1.0);
    CHECK(v.certificate().last()->slots_hash == v.runner().last()->result.slots_hash);

    const uint64_t seed1_hash = v.runner().last()->result.slots_hash;
    setParam(v, "certificate", "off");
    setParam(v, "seed", 7);
    test::runViewToEnd(gui, v);
    CHECK(v.runner().last()->result.slots_hash != seed1_hash);  // a new graph was simulated
    CHECK_FALSE(v.busy());                                      // the certificate, off, is not waited for
    CHECK_FALSE(v.certificate().running());
    CHECK(v.certificate().last()->key.seed == 1);  // not recomputed
    for (const auto& series : ui::plotSeries("competence-fraction"))
        CHECK(series.name.find("certificate") == std::string::npos);
    CHECK_THROWS(setParam(v, "certificate", "maybe"));
}

TEST_CASE("competence view: a run refused from the start says so in every read-out that needs it",
          "[app][competence]") {
    test::HeadlessImGui gui;
    app::CompetenceView v;
    setParam(v, "n2", 10000000);
    setParam(v, "k", 32);
    setParam(v, "kprime", 3);
    setParam(v, "tuples", "s");
    runWithCertificate(gui, v);
    REQUIRE(v.runner().error().find("memory limit") != std::string::npos);
    REQUIRE_FALSE(v.certificate().error().empty());  // the certificate's graph is over the limit too
    const auto items = v.readouts();
    const auto item = [&](const std::string& prefix) {
        for (const auto& r : items)
            if (r.caption.rfind(prefix, 0) == 0) return r;
        FAIL("no read-out " << prefix);
        return items.front();
    };
    CHECK(item("skills with competence").value == "\u2013");
    CHECK(item("skills with competence").unit == "(not run)");
    CHECK(item("certificate").value == "\u2013");
    CHECK(item("certificate").unit == "(not computed)");
    CHECK(item("Thm 8 bound").value != "\u2013");  // theory needs no run
}

TEST_CASE("competence view: under Zipf the simulated measure meets the bound, the count is shown as a count",
          "[app][competence]") {
    test::HeadlessImGui gui;
    app::CompetenceView v;
    setParam(v, "n2", 100000);
    setParam(v, "measure", "zipf");
    setParam(v, "failure", "adversarial");
    setParam(v, "certificate", "off");
    test::runViewToEnd(gui, v);
    const app::SimulationSnapshot* s = v.runner().last();
    REQUIRE(s);
    const CompetenceSummary& skills = s->result.skills;
    std::string measure_value, count_value;
    for (const auto& r : v.readouts()) {
        if (r.caption.rfind("\u03bc\u2081-measure of skills", 0) == 0) measure_value = r.value;
        if (r.caption.rfind("count of skills", 0) == 0) count_value = r.value;
    }
    CHECK(measure_value == app::formatFixed(skills.measureFracAtMostC()));
    CHECK(count_value == app::formatFixed(skills.fracAtMostC()));
    // The measure curve is the one drawn solid; it lies on or above the Thm 8 guarantee at c.
    const auto& weighed =
        test::series("competence-fraction", "simulated by \u03bc\u2081-measure, adversarial failures");
    const auto& counted = test::series("competence-fraction", "simulated by count of skills");
    REQUIRE(weighed.y.size() == skills.measureCurve().size());
    REQUIRE(counted.y.size() == skills.curve().size());
    CHECK(1 - skills.measureFracAtMostC() >= fracCompetent(0.1, 0.8, 8));
    CHECK(1 - skills.fracAtMostC() < fracCompetent(0.1, 0.8, 8));  // the count alone would read as a violation
}

TEST_CASE("competence view: an ensemble of seeds draws a band holding every seed's run",
          "[app][competence][ensemble]") {
    test::HeadlessImGui gui;
    app::CompetenceView v;
    setParam(v, "n1", 200);
    setParam(v, "n2", 20000);
    setParam(v, "failure", "random");
    setParam(v, "certificate", "off");
    setParam(v, "seed", 7);
    setParam(v, "ensemble", 5);
    test::runViewUntilSettled(gui, v);
    const app::SeedEnsemble& e = v.ensemble();
    REQUIRE(e.bands());
    CHECK(e.seeds() == std::vector<uint64_t>{7, 8, 9, 10, 11});
    const EnsembleBands& b = *e.bands();
    CHECK(b.runs == 5);
    // Each seed's run equals the engine's own run with that seed, and lies inside the band.
    for (uint64_t seed = 7; seed <= 11; ++seed) {
        SimulationParams p = v.runner().last()->params;
        p.seed = seed;
        SimulationJob job(p);
        job.runToEnd();
        const auto curve = job.result().skills.curve();
        const auto& drawn = test::series("competence-fraction", "seed " + std::to_string(seed));
        REQUIRE(drawn.y.size() == curve.size());
        for (size_t j = 0; j < curve.size(); ++j) {
            CHECK(drawn.y[j] == curve[j].frac);
            CHECK(b.curve[j].min <= curve[j].frac);
            CHECK(curve[j].frac <= b.curve[j].max);
        }
    }
    const auto& low = seriesNamed("competence-fraction", "simulated, min\u2013max over seeds 7\u201311 (low)");
    for (size_t j = 0; j < low.y.size(); ++j) CHECK(low.y[j] == b.curve[j].min);
    // The tuples plot has its band too, and a read-out gives the spread at c.
    CHECK_NOTHROW(seriesNamed("competence-tuples", "simulated, min\u2013max over seeds"));
    const auto items = v.readouts();
    CHECK(std::any_of(items.begin(), items.end(),
                      [](const auto& r) { return r.caption == "over the ensemble's seeds"; }));
}

TEST_CASE("competence view: an ensemble of one seed is the single run", "[app][competence][ensemble]") {
    test::HeadlessImGui gui;
    app::CompetenceView v;
    setParam(v, "n1", 200);
    setParam(v, "n2", 20000);
    setParam(v, "certificate", "off");
    setParam(v, "ensemble", 1);
    test::runViewToEnd(gui, v);
    CHECK_FALSE(v.busy());
    CHECK(v.ensemble().bands() == nullptr);
    for (const auto& s : ui::plotSeries("competence-fraction")) CHECK(s.name.find("over seeds") == std::string::npos);
    CHECK_THROWS_AS(setParam(v, "ensemble", 0), QueryError);
    CHECK_THROWS_AS(setParam(v, "ensemble", 33), QueryError);
}

TEST_CASE("competence view: the skills are shown while the tuples are still counted", "[app][competence]") {
    test::HeadlessImGui gui;
    app::CompetenceView v;
    setParam(v, "certificate", "off");
    setParam(v, "failure", "random");
    setParam(v, "n2", 100000);
    setParam(v, "kprime", 2);
    const auto item = [&](const std::string& prefix) {
        for (const auto& r : v.readouts())
            if (r.caption.rfind(prefix, 0) == 0) return r;
        FAIL("no read-out " << prefix);
        return app::CompetenceView::Readout{};
    };
    int frames = 0;
    while (!v.runner().partial() && v.runner().stale() && ++frames < 20000) test::viewFrame(gui, v);
    REQUIRE(v.runner().partial());
    REQUIRE(v.runner().running());
    CHECK(v.runner().busy());  // the page is not final yet
    const app::SimulationSnapshot* part = v.runner().last();
    REQUIRE(part);
    CHECK_FALSE(part->result.tuples.has_value());
    SimulationJob direct(part->params);
    direct.runToEnd();
    CHECK(part->result.skills.histogram == direct.result().skills.histogram);
    CHECK(item("skills with competence").value == app::formatFixed(direct.result().skills.fracAtMostC()));
    CHECK(item("2-tuples").value == "\u2013");
    CHECK(item("2-tuples").unit == "(counting the tuples)");

    test::runViewToEnd(gui, v);
    REQUIRE_FALSE(v.runner().partial());
    REQUIRE(v.runner().last()->result.tuples.has_value());
    CHECK(item("2-tuples").value == app::formatFixed(direct.result().tuples->summary.fracAtMostC()));
}
