#include "app/page_limits.h"
#include "app/plot.h"
#include "app/view_graph.h"
#include "app/widgets.h"
#include "core/graph/graph_stats.h"
#include "core/theory/emergence.h"
#include "sim_view_frames.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace slingshot;

using test::setParam;

TEST_CASE("graph view: binds the simulate flags with the page's N2 limit", "[app][graph]") {
    app::GraphView v;
    std::vector<std::string> names;
    for (const auto& b : v.bindings()) names.push_back(b.spec.name);
    for (const char* n : {"n1", "n2", "k", "theta", "failure", "c", "measure", "zipf-s", "seed"})
        CHECK(std::find(names.begin(), names.end(), n) != names.end());
    for (const auto& b : v.bindings())
        if (b.spec.name == "n2") CHECK(b.spec.max == double(kMaxPiecesBrowser));
    CHECK_THROWS_AS(setParam(v, "n2", 2e7), QueryError);
    CHECK(v.plotIds().size() == 1);
}

TEST_CASE("graph view: the default small graph is drawn from a complete run", "[app][graph]") {
    test::HeadlessImGui gui;
    app::GraphView v;
    test::runViewToEnd(gui, v);
    const app::SimulationSnapshot* s = v.runner().last();
    REQUIRE(s);
    CHECK(v.drewGraph());
    CHECK(s->params.n1 == 16);
    CHECK(s->params.n2 == 120);
    REQUIRE(s->slots.size() == 120 * 3);
    CHECK(std::accumulate(s->degree.begin(), s->degree.end(), uint64_t(0)) == 360);
    // Failed edges are the slots of failed pieces, per skill.
    std::vector<uint32_t> fe(16, 0);
    for (size_t i = 0; i < 120; ++i)
        if (s->failed[i])
            for (size_t j = 0; j < 3; ++j) ++fe[s->slots[i * 3 + j]];
    CHECK(fe == s->failed_edges);
    CHECK(s->result.failed == 12);
}

TEST_CASE("graph view: a large graph shows the degree histogram against the binomial", "[app][graph]") {
    test::HeadlessImGui gui;
    app::GraphView v;
    setParam(v, "n1", 1000);
    setParam(v, "n2", 100000);
    setParam(v, "k", 8);
    test::runViewToEnd(gui, v);
    const app::SimulationSnapshot* s = v.runner().last();
    REQUIRE(s);
    CHECK_FALSE(v.drewGraph());
    const auto& series = ui::plotSeries("graph-degrees");
    REQUIRE(series.size() >= 3);
    DegreeHistogram h = degreeHistogram(s->degree, 800000, 1e-3, 80);
    // Band (high side) = counts per bin, two points per bin; the expectation line = engine values.
    const auto high = std::find_if(series.begin(), series.end(),
                                   [](const ui::PlotSeries& p) { return p.name == "sampled graph (high)"; });
    REQUIRE(high != series.end());
    REQUIRE(high->y.size() == 2 * h.count.size());
    double total = 0;
    for (size_t i = 0; i < h.count.size(); ++i) {
        CHECK(high->y[2 * i] == double(h.count[i]));
        total += high->y[2 * i];
    }
    CHECK(total == 1000);
    const auto expected = std::find_if(
        series.begin(), series.end(), [](const ui::PlotSeries& p) { return p.name.find("Bin(") != std::string::npos; });
    REQUIRE(expected != series.end());
    REQUIRE(expected->y.size() == h.expected.size());
    for (size_t i = 0; i < h.expected.size(); ++i) CHECK(expected->y[i] == Approx(h.expected[i]));
}

TEST_CASE("graph view: a Zipf measure plots degree against rank next to kN2 mu1", "[app][graph]") {
    test::HeadlessImGui gui;
    app::GraphView v;
    setParam(v, "n1", 500);
    setParam(v, "n2", 50000);
    setParam(v, "measure", "zipf");
    setParam(v, "zipf-s", 1.0);
    test::runViewToEnd(gui, v);
    REQUIRE(v.plotIds() == std::vector<const char*>{v.degreesPlotId()});
    CHECK(std::string(v.degreesPlotId()) == "graph-degrees-zipf");
    const auto& series = ui::plotSeries("graph-degrees-zipf");
    REQUIRE(series.size() == 2);
    const app::SimulationSnapshot* s = v.runner().last();
    REQUIRE(s);
    REQUIRE(s->probability.size() == 500);
    for (size_t i = 0; i < series[1].x.size(); ++i) {
        const size_t skill = static_cast<size_t>(series[1].x[i]) - 1;
        CHECK(series[1].y[i] == Approx(3.0 * 50000 * s->probability[skill]));
        CHECK(series[0].y[i] == double(s->degree[skill]));
    }
}

TEST_CASE("graph view: same seed gives the same graph, new seed another one", "[app][graph]") {
    test::HeadlessImGui gui;
    app::GraphView v;
    test::runViewToEnd(gui, v);
    const uint64_t hash = v.runner().last()->result.slots_hash;
    const uint64_t gen = v.runner().generation();
    setParam(v, "seed", 2);
    test::runViewToEnd(gui, v);
    CHECK(v.runner().generation() == gen + 1);
    CHECK(v.runner().last()->result.slots_hash != hash);
    setParam(v, "seed", 1);
    test::runViewToEnd(gui, v);
    CHECK(v.runner().last()->result.slots_hash == hash);
}

TEST_CASE("graph view: extreme parameters draw without errors", "[app][graph]") {
    test::HeadlessImGui gui;
    app::GraphView v;
    for (auto [n1, n2, k, theta, failure] :
         {std::tuple{1, 1, 1, 0.0, "random"}, std::tuple{40, 150, 32, 1.0, "adversarial"},
          std::tuple{40, 10, 2, 0.5, "independent"}, std::tuple{100000, 1000, 1, 0.1, "random"}}) {
        setParam(v, "n1", n1);
        setParam(v, "n2", n2);
        setParam(v, "k", k);
        setParam(v, "theta", theta);
        setParam(v, "failure", failure);
        test::runViewToEnd(gui, v);
        CHECK(v.runner().error().empty());
        REQUIRE(v.runner().last());
        CHECK(v.runner().last()->params.n1 == uint32_t(n1));
        for (auto size : {ImVec2(900, 600), ImVec2(320, 240)}) test::viewFrame(gui, v, size.x, size.y);
    }
}

TEST_CASE("skill graph view: an ensemble's statistics give each seed's range", "[app][graph][ensemble]") {
    test::HeadlessImGui gui;
    app::GraphView v;
    setParam(v, "n1", 300);
    setParam(v, "n2", 3000);
    setParam(v, "k", 4);
    setParam(v, "theta", 0.2);
    setParam(v, "c", 0.75);
    setParam(v, "ensemble", 4);
    test::runViewUntilSettled(gui, v);
    REQUIRE(v.ensemble().seeds().size() == 4);
    double lo = 1, hi = 0, dmin = 1e9, dmax = 0;
    for (const app::SimulationSnapshot* s : v.ensemble().runs()) {
        lo = std::min(lo, s->result.skills.fracBelowC());
        hi = std::max(hi, s->result.skills.fracBelowC());
        const DegreeStats d = degreeStats(s->degree);
        dmin = std::min<double>(dmin, d.min);
        dmax = std::max<double>(dmax, d.max);
    }
    const std::string& spread = v.ensembleSpread();
    CHECK(spread.find("seeds 1\u20134 (4 of 4)") != std::string::npos);
    CHECK(spread.find("below c " + app::formatFixed(lo, 4) + "\u2013" + app::formatFixed(hi, 4)) != std::string::npos);
    char deg[64];
    std::snprintf(deg, sizeof deg, "min degree %.0f\u2013", dmin);
    CHECK(spread.find(deg) != std::string::npos);
    std::snprintf(deg, sizeof deg, "\u2013%.0f", dmax);
    CHECK(spread.substr(spread.size() - std::string(deg).size()) == deg);
    CHECK(lo < hi);  // four graphs differ
}

TEST_CASE("skill graph view: playing over N sets theta(N) and the same graph loses its failures",
          "[app][graph][player]") {
    test::HeadlessImGui gui;  // frames of 1/60 s
    app::GraphView v;
    setParam(v, "n1", 16);
    setParam(v, "n2", 120);
    setParam(v, "k", 3);
    setParam(v, "n", 1e9);
    setParam(v, "play", "paused");
    test::runViewUntilSettled(gui, v);
    const app::SimulationSnapshot* first = v.runner().last();
    REQUIRE(first);
    CHECK(first->params.theta == thetaAt(EmergenceModel(), 1e9).theta);
    // Copied: the view lets the snapshot go when the next run finishes.
    const uint64_t hash = first->result.slots_hash;
    const uint64_t failed_small = first->result.failed, below_small = first->result.skills.below_c;
    setParam(v, "speed", 10);
    setParam(v, "play", "on");
    for (int f = 0; f < 40; ++f) test::viewFrame(gui, v);  // 5 decades at 10 per second: half a second
    test::runViewUntilSettled(gui, v);
    const app::SimulationSnapshot* last = v.runner().last();
    CHECK(last->params.theta == thetaAt(EmergenceModel(), app::GraphView::kPlayToN).theta);
    CHECK(last->result.slots_hash == hash);     // the same graph
    CHECK(last->result.failed < failed_small);  // fewer failed pieces at the larger model
    CHECK(last->result.skills.below_c <= below_small);
}
