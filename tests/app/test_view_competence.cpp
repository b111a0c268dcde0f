#include "app/plot.h"
#include "app/view_competence.h"
#include "core/bounds.h"
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
    auto it = std::find_if(all.begin(), all.end(), [&](const ui::PlotSeries& s) { return s.name.rfind(prefix, 0) == 0; });
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

TEST_CASE("competence view: defaults put the adversary between random failures and the guarantee", "[app][competence]") {
    test::HeadlessImGui gui;
    app::CompetenceView v;
    // The theory is drawn from the first frame on, before the simulation finishes.
    test::viewFrame(gui, v);
    const ui::PlotSeries& g0 = seriesNamed("competence-fraction", "Thm 8 guarantee");
    REQUIRE(g0.x.size() == app::CompetenceView::kCurvePoints + 1);
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

TEST_CASE("competence view: over-budget and invalid requests show a message and keep the last result", "[app][competence]") {
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
