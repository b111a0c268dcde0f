#include "app/plot.h"
#include "app/view_emergence.h"
#include "core/theory/emergence.h"
#include "core/theory/skill_counts.h"
#include "core/theory/trained_models.h"
#include "query/query.h"
#include "sim_view_frames.h"
#include "view_fixture.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace slingshot;
using test::binding;
using test::series;

TEST_CASE("emergence view: defaults plot the engine's pipeline and THEORY §5.2 thresholds", "[app][emergence]") {
    test::HeadlessImGui gui;
    app::EmergenceView view;
    app::assignBinding(binding(view, "sim"), Json("off"));
    test::drawView(gui, view);
    const EmergenceModel m;  // k = 8, c = 0.8, c_map = 1, D = 20 N, T2
    const auto& k1 = series("emergence-main", "skills (k'=1)");
    const auto& k8 = series("emergence-main", "k'=8 tuples");
    REQUIRE(k1.x.size() == static_cast<size_t>(app::EmergenceView::kPoints));
    CHECK(k1.x.front() == 1e8);
    CHECK(k1.x.back() == 1e17);
    for (size_t i = 0; i < k1.x.size(); i += 11) {
        CHECK(k1.y[i] == guaranteedFraction(m, k1.x[i], 1));
        CHECK(k8.y[i] == guaranteedFraction(m, k8.x[i], 8));
    }
    const double expected[] = {1.049e12, 1.080e13, 1.126e14, 1.189e15};
    REQUIRE(view.thresholds().n.size() == 4);
    for (size_t i = 0; i < 4; ++i) {
        REQUIRE(view.thresholds().n[i]);
        CHECK(*view.thresholds().n[i] == Approx(expected[i]).epsilon(5e-4));
    }
    for (const auto& r : view.thresholds().ratios) CHECK(*r == Approx(10.4).margin(0.4));
}

TEST_CASE("emergence view: the Zipf plot is nForMeasure of zipfMeasure", "[app][emergence][zipf]") {
    test::HeadlessImGui gui;
    app::EmergenceView view;
    app::assignBinding(binding(view, "sim"), Json("off"));
    test::drawView(gui, view);
    const EmergenceModel m;
    const auto& skills = series("emergence-zipf", "skill of rank r");
    REQUIRE(skills.x.front() == 1);
    REQUIRE(skills.x.back() == 10000);
    for (size_t i = 0; i < skills.x.size(); i += 5) {
        auto n = nForMeasure(m, zipfMeasure(10000, 1.0, static_cast<long long>(skills.x[i])), 1);
        REQUIRE(n);
        CHECK(skills.y[i] == *n);
    }
    for (size_t i = 1; i < skills.x.size(); ++i) CHECK(skills.y[i] >= skills.y[i - 1]);  // rarer skills come later
}

TEST_CASE("emergence view: simulated random failures run in slices and sit above the guarantee",
          "[app][emergence][sim]") {
    test::HeadlessImGui gui;
    app::EmergenceView view;
    app::assignBinding(binding(view, "sim-n2"), Json(50000));
    app::assignBinding(binding(view, "sim-points"), Json(4));
    int frames = 0;
    do {
        test::drawView(gui, view);
    } while (view.simulated().size() < 4 && ++frames < 5000);
    REQUIRE(view.simulated().size() == 4);
    CHECK(frames > 1);  // time-sliced, not all in one frame
    const EmergenceModel m;
    for (const auto& p : view.simulated()) {
        CHECK(p.theta == thetaAt(m, p.n_params).theta);
        CHECK(p.frac_skills >= guaranteedFraction(m, p.n_params, 1) - 1e-12);
        REQUIRE(p.frac_pairs);
        CHECK(*p.frac_pairs >= guaranteedFraction(m, p.n_params, 2) - 1e-12);
    }
    test::drawView(gui, view);
    const auto& marks = series("emergence-main", "simulated skills");
    CHECK(marks.x.size() == 4);
    CHECK(view.simulated().back().frac_skills == 1.0);  // at N = 1e13, theta = 0.056: every skill above c = 0.8
}

TEST_CASE("emergence view: bad bindings are refused, odd ones draw an explanation", "[app][emergence]") {
    test::HeadlessImGui gui;
    app::EmergenceView view;
    CHECK_THROWS_AS(app::assignBinding(binding(view, "target"), Json(1.0)), QueryError);
    CHECK_THROWS_AS(app::assignBinding(binding(view, "kprime"), Json("0")), QueryError);
    CHECK_THROWS_AS(app::assignBinding(binding(view, "from"), Json(0)), QueryError);
    CHECK_THROWS_AS(app::assignBinding(binding(view, "sim-n1"), Json(5000)), QueryError);
    CHECK_THROWS_AS(app::assignBinding(binding(view, "theta-map"), Json("sqrt")), QueryError);
    CHECK(app::bindingValue(binding(view, "target")) == Json(0.5));
    // from above to: refused by the view with a message, frames keep running.
    app::assignBinding(binding(view, "from"), Json(1e18));
    app::assignBinding(binding(view, "sim"), Json("off"));
    for (int i = 0; i < 2; ++i) test::drawView(gui, view, 320, 240);
    app::assignBinding(binding(view, "from"), Json(1e8));
    app::assignBinding(binding(view, "theta-map"), Json("pinsker"));
    app::assignBinding(binding(view, "c"), Json(0.0));
    app::assignBinding(binding(view, "zipf"), Json(0.0));
    for (int i = 0; i < 2; ++i) test::drawView(gui, view, 640, 360);
    CHECK_FALSE(test::anyInfinite("emergence-main"));
}

TEST_CASE("emergence view: trained models at their own N and D, from the models parameter", "[app][emergence]") {
    test::HeadlessImGui gui;
    app::EmergenceView v;
    test::setParam(v, "sim", "off");
    test::viewFrame(gui, v);
    CHECK(v.trainedModels().rows().empty());

    test::setParam(v, "models", "published;Mine:7e9:2e12");
    test::viewFrame(gui, v);
    const auto& rows = v.trainedModels().rows();
    REQUIRE(rows.size() == publishedModels().size() + 1);
    // The engine's reading of each, for the view's model and k'.
    const int kprimes[] = {1, 2, 4, 8};
    for (const auto& r : rows) {
        const TrainedModelReading expect = readTrainedModel(EmergenceModel{}, r.model, kprimes);
        CHECK(r.reading.theta.theta == expect.theta.theta);
        CHECK(r.reading.frac == expect.frac);
    }
    CHECK(rows.back().model.name == "Mine");
    // A line and a label per model in the main plot, the legend naming them once.
    int labels = 0;
    for (const auto& l : ui::plotLabels("emergence-main")) labels += l.text == "Chinchilla" || l.text == "Mine";
    CHECK(labels == 2);
    const auto& legend = ui::plotLegend("emergence-main");
    CHECK(std::count(legend.begin(), legend.end(), "trained models (their own D)") == 1);

    // Bad text is refused by the view with a message; the theory keeps drawing.
    test::setParam(v, "models", "GPT-3");
    test::viewFrame(gui, v);
    CHECK(v.trainedModels().rows().empty());
    CHECK_THAT(v.trainedModels().error(), Catch::Matchers::Contains("NAME:N:D"));
    CHECK_FALSE(v.thresholds().n.empty());
}

TEST_CASE("emergence view: an ensemble of seeds bands each model size's simulated points",
          "[app][emergence][ensemble]") {
    test::HeadlessImGui gui;
    app::EmergenceView single, view;
    for (app::EmergenceView* v : {&single, &view}) {
        app::assignBinding(binding(*v, "sim-n2"), Json(20000));
        app::assignBinding(binding(*v, "sim-points"), Json(3));
    }
    app::assignBinding(binding(view, "ensemble"), Json(4));
    int frames = 0;
    do {
        test::drawView(gui, single);
        test::drawView(gui, view);
    } while ((single.busy() || view.busy()) && ++frames < 20000);
    test::drawView(gui, view);
    // The first seed's points are the single run's.
    REQUIRE(single.simulated().size() == 3);
    REQUIRE(view.simulated().size() == 3);
    for (size_t i = 0; i < 3; ++i) CHECK(view.simulated()[i].frac_skills == single.simulated()[i].frac_skills);
    CHECK(single.simulatedBands().empty());
    // Each band holds its point's four seeds: seed + j P + i for seed j of P = 3 points.
    const auto& bands = view.simulatedBands();
    REQUIRE(bands.size() == 3);
    const EmergenceModel m;
    for (size_t i = 0; i < 3; ++i) {
        CHECK(bands[i].skills.count == 4);
        CHECK(bands[i].n_params == view.simulated()[i].n_params);
        for (uint64_t j = 0; j < 4; ++j) {
            SimulationParams p;
            p.n1 = 100;
            p.n2 = 20000;
            p.k = 8;
            p.c = 0.8;
            p.theta = thetaAt(m, bands[i].n_params).theta;
            p.kprime = 2;
            p.seed = 1 + j * 3 + i;
            SimulationJob job(p);
            job.runToEnd();
            const double frac = 1 - job.result().skills.fracBelowC();
            CHECK(bands[i].skills.min <= frac);
            CHECK(frac <= bands[i].skills.max);
            if (j == 0) CHECK(frac == view.simulated()[i].frac_skills);
        }
    }
    const auto& low = series("emergence-main", "skills: min\u2013max over seeds (low)");
    REQUIRE(low.y.size() == 3);
    for (size_t i = 0; i < 3; ++i) CHECK(low.y[i] == bands[i].skills.min);
}
