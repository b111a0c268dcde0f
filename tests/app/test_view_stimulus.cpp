#include "app/view_stimulus.h"
#include "core/theory/emergence.h"
#include "core/theory/skill_counts.h"
#include "query/query.h"
#include "view_fixture.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace slingshot;
using test::binding;
using test::series;

TEST_CASE("stimulus view: seen bound and guarantee are the engine's, the shaded region is where they part",
          "[app][stimulus]") {
    test::HeadlessImGui gui;
    app::StimulusView view;
    test::drawView(gui, view);
    EmergenceModel m;
    m.c = 0.5;
    bool unseen_competent = false;
    for (int kp : {4, 8}) {
        const std::string p = "k'=" + std::to_string(kp) + ": ";
        const auto& seen = series("stimulus-main", p + "seen (upper bound)");
        const auto& guar = series("stimulus-main", p + "guaranteed");
        const auto& high = series("stimulus-main", p + "competent, never seen (high)");
        REQUIRE(seen.x.size() == static_cast<size_t>(app::StimulusView::kPoints));
        for (size_t i = 0; i < seen.x.size(); i += 7) {
            const double n = seen.x[i];
            CHECK(seen.y[i] == stimulusCount(10000, 8, kp, 20 * n / 100).seen_fraction_bound);
            CHECK(guar.y[i] == guaranteedFraction(m, n, kp));
            CHECK(high.y[i] == std::max(seen.y[i], guar.y[i]));
            unseen_competent |= guar.y[i] > seen.y[i] + 0.1;
        }
    }
    CHECK(unseen_competent);  // the default tells the story
}

TEST_CASE("stimulus view: bad bindings are refused, k' above k is explained, not drawn", "[app][stimulus]") {
    test::HeadlessImGui gui;
    app::StimulusView view;
    CHECK_THROWS_AS(app::assignBinding(binding(view, "tokens-per-piece"), Json(0)), QueryError);
    CHECK_THROWS_AS(app::assignBinding(binding(view, "n1"), Json(0)), QueryError);
    CHECK_THROWS_AS(app::assignBinding(binding(view, "c"), Json(1.0)), QueryError);
    app::assignBinding(binding(view, "kprime"), Json("9"));
    for (int i = 0; i < 2; ++i) test::drawView(gui, view, 320, 240);
    CHECK(view.curves().empty());
    app::assignBinding(binding(view, "kprime"), Json("1,2"));
    app::assignBinding(binding(view, "logy"), Json("on"));
    app::assignBinding(binding(view, "n1"), Json(8));
    for (int i = 0; i < 2; ++i) test::drawView(gui, view, 640, 360);
    CHECK(view.curves().size() == 2);
    CHECK_FALSE(test::anyInfinite("stimulus-main"));
}
