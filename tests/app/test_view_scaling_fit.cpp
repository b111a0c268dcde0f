#include "app/app.h"
#include "app/plot.h"
#include "app/scaling_presets.h"
#include "app/view_emergence.h"
#include "app/view_scaling.h"
#include "core/theory/emergence.h"
#include "core/theory/scaling_examples.h"
#include "core/theory/threshold_intervals.h"
#include "query/scaling_points_text.h"
#include "query/url_query.h"
#include "sim_view_frames.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace slingshot;

namespace {

Json bindingOf(app::View& v, const char* name) {
    for (const auto& b : v.bindings())
        if (b.spec.name == name) return app::bindingValue(b);
    FAIL("no binding " << name);
    return {};
}

bool hasSeries(const char* plot, const std::string& prefix) {
    const auto& all = ui::plotSeries(plot);
    return std::any_of(all.begin(), all.end(), [&](const ui::PlotSeries& s) { return s.name.rfind(prefix, 0) == 0; });
}

}  // namespace

TEST_CASE("scaling fit: example data fits back to Hoffmann's law and is drawn", "[app][scaling]") {
    test::HeadlessImGui gui;
    app::ScalingPresets store;
    app::ScalingView v(&store);
    v.loadExamplePoints();
    CHECK(v.pointsText().find("N,D,L") != std::string::npos);
    REQUIRE(v.fitPoints());
    REQUIRE(v.lastFit());
    const ScalingFit& f = *v.lastFit();
    CHECK(f.n_points == 25);
    CHECK(f.law.a == Approx(0.34).margin(0.05));
    CHECK(f.law.b == Approx(0.28).margin(0.05));
    CHECK(f.law.E == Approx(1.69).epsilon(0.1));
    CHECK(std::isfinite(f.se.a));
    test::viewFrame(gui, v);
    CHECK(hasSeries("scaling-loss", "your runs"));
    CHECK(hasSeries("scaling-loss", "fit at your runs"));
    // The runs drawn are the parsed points.
    const auto& series = ui::plotSeries("scaling-loss");
    auto runs = std::find_if(series.begin(), series.end(),
                             [](const ui::PlotSeries& s) { return s.name.rfind("your runs", 0) == 0; });
    REQUIRE(runs != series.end());
    REQUIRE(runs->x.size() == v.fittedPoints().size());
    for (size_t i = 0; i < runs->x.size(); ++i) {
        CHECK(runs->x[i] == v.fittedPoints()[i].n_params);
        CHECK(runs->y[i] == v.fittedPoints()[i].loss - f.law.E);  // on the excess scale
    }
    // A fit alone does not change the law in use.
    CHECK(bindingOf(v, "preset") == "hoffmann2022");
    CHECK(store.fit() == nullptr);
}

TEST_CASE("scaling fit: bad input is a message, never a crash", "[app][scaling]") {
    test::HeadlessImGui gui;
    app::ScalingView v;
    v.setPointsText("N,D,L\n1e8,2e9,3.1\n2e8,x,2.9\n");
    CHECK_FALSE(v.fitPoints());
    CHECK(v.fitError().find("line 3") != std::string::npos);
    v.setPointsText("1e8,2e9,3.1\n2e8,4e9,2.9\n");
    CHECK_FALSE(v.fitPoints());
    CHECK(v.fitError().find("6") != std::string::npos);  // at least kMinFitPoints
    v.setPointsText("1e8,2e9,-3\n");
    CHECK_FALSE(v.fitPoints());
    CHECK_FALSE(v.fitError().empty());
    CHECK_FALSE(v.useFitAsPreset());  // nothing fitted
    CHECK_FALSE(v.lastFit());
    test::viewFrame(gui, v);  // the message is drawn
    test::viewFrame(gui, v, 900, 600);
}

TEST_CASE("scaling fit: the fit as preset carries its constants in the link", "[app][scaling]") {
    test::HeadlessImGui gui;
    app::ScalingPresets store;
    app::ScalingView v(&store);
    v.setPointsText(formatScalingPoints(exampleScalingPoints(besiroglu2024(), 3)));
    REQUIRE(v.fitPoints());
    REQUIRE(v.useFitAsPreset());
    REQUIRE(store.fit());
    test::viewFrame(gui, v);
    const ScalingLaw fit = *store.fit();
    CHECK(fit.name == "fit");
    CHECK(bindingOf(v, "preset") == "fit");
    CHECK(bindingOf(v, "entropy").get<double>() == fit.E);
    CHECK(bindingOf(v, "coef-n").get<double>() == fit.A);
    CHECK(bindingOf(v, "coef-d").get<double>() == fit.B);
    CHECK(bindingOf(v, "exp-n").get<double>() == fit.a);
    CHECK(bindingOf(v, "exp-d").get<double>() == fit.b);

    // A page that opens the link (fresh store) gets the same law, and it becomes its "fit".
    app::ScalingPresets other;
    app::ScalingView w(&other);
    for (const char* name : {"preset", "entropy", "coef-n", "coef-d", "exp-n", "exp-d"})
        test::setParam(w, name, bindingOf(v, name));
    test::viewFrame(gui, w);
    CHECK(w.law().E == fit.E);
    CHECK(w.law().a == fit.a);
    REQUIRE(other.fit());
    CHECK(other.fit()->B == fit.B);
    CHECK(bindingOf(w, "preset") == "fit");

    // A new fit while the preset is in use replaces the constants.
    v.setPointsText(formatScalingPoints(exampleScalingPoints(hoffmann2022(), 4)));
    REQUIRE(v.fitPoints());
    REQUIRE(v.useFitAsPreset());
    test::viewFrame(gui, v);
    CHECK(bindingOf(v, "exp-n").get<double>() == store.fit()->a);
    CHECK(store.fit()->a != fit.a);
}

namespace {

// A Scaling view and an Emergence view sharing one store of laws, the Emergence view drawn once
// without its simulated points.
struct ScalingAndEmergence {
    app::ScalingPresets store;
    app::ScalingView scaling{&store};
    app::EmergenceView emergence;
    explicit ScalingAndEmergence(test::HeadlessImGui& gui) {
        emergence.useScalingPresets(&store);
        test::setParam(emergence, "sim", "off");
        test::viewFrame(gui, emergence);
    }
};

}  // namespace

TEST_CASE("scaling fit: the fit preset appears in the Emergence view and moves its thresholds", "[app][scaling]") {
    test::HeadlessImGui gui;
    ScalingAndEmergence views(gui);
    app::ScalingPresets& store = views.store;
    app::ScalingView& scaling = views.scaling;
    app::EmergenceView& emergence = views.emergence;
    REQUIRE(emergence.thresholds().n.size() == 4);
    REQUIRE(emergence.thresholds().n[0]);
    const double hoffmann_n = *emergence.thresholds().n[0];

    // Before any fit "fit" is refused (as from a URL) and the threshold stays.
    bool refused = false;
    for (const auto& b : emergence.bindings())
        if (b.spec.name == "preset") {
            try {
                app::assignBinding(b, Json("fit"));
            } catch (const QueryError&) {
                refused = true;
            }
        }
    CHECK(refused);

    // Runs of Besiroglu et al.'s law: the fit lands near it, and so do the thresholds.
    scaling.setPointsText(formatScalingPoints(exampleScalingPoints(besiroglu2024(), 5)));
    REQUIRE(scaling.fitPoints());
    REQUIRE(scaling.useFitAsPreset());
    test::setParam(emergence, "preset", "fit");
    test::viewFrame(gui, emergence);
    REQUIRE(emergence.thresholds().n[0]);
    const double fit_n = *emergence.thresholds().n[0];
    EmergenceModel m;
    m.law = *store.fit();
    const int kprimes[] = {1, 2, 4, 8};
    const Thresholds expected = emergenceThresholds(m, kprimes, 0.5);
    CHECK(fit_n == Approx(*expected.n[0]).epsilon(1e-9));
    CHECK(std::fabs(std::log10(fit_n / hoffmann_n)) > 0.3);  // the threshold moved
    m.law = besiroglu2024();
    CHECK(std::fabs(std::log10(fit_n / *emergenceThresholds(m, kprimes, 0.5).n[0])) < 0.3);

    // A new fit moves it again without touching the Emergence view's parameters.
    scaling.setPointsText(formatScalingPoints(exampleScalingPoints(hoffmann2022(), 6)));
    REQUIRE(scaling.fitPoints());
    REQUIRE(scaling.useFitAsPreset());
    test::viewFrame(gui, emergence);
    REQUIRE(emergence.thresholds().n[0]);
    m.law = *store.fit();
    CHECK(*emergence.thresholds().n[0] == Approx(*emergenceThresholds(m, kprimes, 0.5).n[0]).epsilon(1e-9));
    CHECK(*emergence.thresholds().n[0] != Approx(fit_n).epsilon(1e-3));
    // Extrapolating from runs up to 1.6e10 parameters to ~1e12: within a factor of 3 of the true law's.
    CHECK(std::fabs(std::log10(*emergence.thresholds().n[0] / hoffmann_n)) < 0.5);
}

TEST_CASE("scaling fit: the app shares one store between its views", "[app][scaling]") {
    test::HeadlessImGui gui;
    app::App a;
    // A link to the Scaling view with the fit's constants defines the fit...
    auto notes = a.applyQuery(parseQueryString(
        "?view=scaling&preset=fit&entropy=1.8&coef-n=480&coef-d=2000&exp-n=0.35&exp-d=0.36&n=1e10&ratio=20"));
    CHECK(notes.empty());
    gui.frame([&] { a.frame(1280, 800); });
    CHECK(a.state()["preset"] == "fit");
    CHECK(a.state()["coef-d"].get<double>() == 2000);
    // ...which the Emergence view then offers.
    a.selectView("emergence");
    CHECK(a.setState(Json{{"preset", "fit"}}).empty());
    gui.frame([&] { a.frame(1280, 800); });
    CHECK(a.state()["preset"] == "fit");
}

TEST_CASE("scaling fit: the Emergence view shows the bootstrap intervals of a fit of the reader's runs",
          "[app][scaling]") {
    test::HeadlessImGui gui;
    ScalingAndEmergence views(gui);
    app::ScalingPresets& store = views.store;
    app::ScalingView& scaling = views.scaling;
    app::EmergenceView& emergence = views.emergence;
    CHECK(emergence.thresholdIntervals() == nullptr);  // a preset law: no intervals

    ExampleGrid grid;
    grid.n_side = 4;
    const auto runs = exampleScalingPoints(hoffmann2022(), 5, grid);
    scaling.setPointsText(formatScalingPoints(runs));
    REQUIRE(scaling.fitPoints());
    REQUIRE(scaling.useFitAsPreset());
    test::setParam(emergence, "preset", "fit");
    int frames = 0;
    do {
        test::viewFrame(gui, emergence);
    } while (!emergence.thresholdIntervals() && ++frames < 5000);
    REQUIRE(emergence.thresholdIntervals());
    CHECK(frames > 1);  // in slices
    CHECK_FALSE(emergence.busy());

    // The engine's job on the same runs (as parsed back from the text box) and model.
    const auto parsed = parseScalingPoints(scaling.pointsText());
    ThresholdIntervalParams p;
    p.model.law = *store.fit();
    p.kprimes = {1, 2, 4, 8};
    p.points = parsed;
    p.fit = fitScalingLaw(parsed);
    ThresholdIntervalJob job(p);
    job.runToEnd();
    REQUIRE(emergence.thresholdIntervals()->size() == 4);
    for (size_t i = 0; i < 4; ++i) {
        CHECK((*emergence.thresholdIntervals())[i].lo == job.result()[i].lo);
        CHECK((*emergence.thresholdIntervals())[i].hi == job.result()[i].hi);
    }
    // A new target: the old intervals are not shown for it.
    test::setParam(emergence, "target", 0.7);
    test::viewFrame(gui, emergence);
    CHECK(emergence.thresholdIntervals() == nullptr);
    CHECK(emergence.busy());

    // Constants from a shared link have no runs behind them: no intervals, and a line says why.
    app::ScalingPresets linked;
    linked.setFit(hoffmann2022(), "the constants of a shared link");
    app::EmergenceView from_link;
    from_link.useScalingPresets(&linked);
    test::setParam(from_link, "sim", "off");
    test::setParam(from_link, "preset", "fit");
    for (int i = 0; i < 5; ++i) test::viewFrame(gui, from_link);
    CHECK(from_link.thresholdIntervals() == nullptr);
    CHECK_FALSE(from_link.busy());
}
