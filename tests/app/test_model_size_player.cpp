#include "app/model_size_player.h"
#include "app/view_emergence.h"
#include "app/view_stimulus.h"
#include "core/theory/stimulus_sweep.h"
#include "query/query.h"
#include "view_fixture.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace slingshot;
using test::binding;

namespace {

void set(app::ModelSizePlayer& p, const char* name, const Json& v) {
    for (auto& b : p.bindings())
        if (b.spec.name == name) return app::assignBinding(b, v);
    FAIL("no binding " << name);
}

struct ReducedMotion {  // the page's preference for one test, restored after it
    explicit ReducedMotion(bool on) { app::ModelSizePlayer::setReducedMotion(on); }
    ~ReducedMotion() { app::ModelSizePlayer::setReducedMotion(false); }
};

}  // namespace

TEST_CASE("player: N moves speed decades per second on a log scale and stops at the end", "[app][player]") {
    app::ModelSizePlayer p;
    set(p, "play", "on");
    set(p, "speed", 0.5);
    double n = 1e9;
    for (int f = 0; f < 4; ++f) p.advance(&n, 1e8, 1e12, 0.25);  // one second: half a decade
    CHECK(std::log10(n) == Approx(9.5).epsilon(1e-12));
    p.advance(&n, 1e8, 1e12, 2.0);  // a stalled frame counts a quarter of a second
    CHECK(std::log10(n) == Approx(9.5 + 0.5 * app::ModelSizePlayer::kMaxFrameS).epsilon(1e-12));
    CHECK(p.playing());
    for (int f = 0; f < 40; ++f) p.advance(&n, 1e8, 1e12, 0.25);
    CHECK(n == 1e12);  // held at the end of the range
    p.advance(&n, 1e8, 1e12, 0.1);
    CHECK_FALSE(p.playing());
    CHECK(p.shown());  // paused at the end, the marker stays
}

TEST_CASE("player: paused and off do not move N, bad values are refused", "[app][player]") {
    app::ModelSizePlayer p;
    double n = 1e10;
    p.advance(&n, 1e8, 1e12, 1.0);
    CHECK(n == 1e10);
    CHECK_FALSE(p.shown());
    set(p, "play", "paused");
    p.advance(&n, 1e8, 1e12, 1.0);
    CHECK(n == 1e10);
    CHECK(p.shown());
    for (auto& b : p.bindings()) {
        if (b.spec.name == "play") CHECK_THROWS_AS(app::assignBinding(b, Json("fast")), QueryError);
        if (b.spec.name == "speed") {
            CHECK_THROWS_AS(app::assignBinding(b, Json(0)), QueryError);
            CHECK_THROWS_AS(app::assignBinding(b, Json(11)), QueryError);
        }
    }
}

TEST_CASE("player: under reduced motion a link's play=on opens paused with a notice", "[app][player]") {
    ReducedMotion reduce(true);
    app::ModelSizePlayer p;
    set(p, "play", "on");
    double n = 1e10;
    p.advance(&n, 1e8, 1e12, 1.0);
    CHECK(n == 1e10);
    CHECK_FALSE(p.playing());
    CHECK(p.shown());
    CHECK(p.notice().find("reduced motion") != std::string::npos);
}

TEST_CASE("player: the Emergence view's marker moves along the curves while it plays", "[app][player][emergence]") {
    test::HeadlessImGui gui;  // frames of 1/60 s
    app::EmergenceView view;
    app::assignBinding(binding(view, "sim"), Json("off"));
    app::assignBinding(binding(view, "n"), Json(1e10));
    app::assignBinding(binding(view, "play"), Json("on"));
    app::assignBinding(binding(view, "speed"), Json(3));
    test::drawView(gui, view);
    const EmergenceModel m;
    double last = 0;
    for (int f = 0; f < 30; ++f) {
        test::drawView(gui, view);
        const ui::PlotSeries& mark = test::series("emergence-main", "skills (k'=1) at N");
        REQUIRE(mark.x.size() == 1);
        CHECK(mark.x[0] > last);  // it moved this frame
        CHECK(mark.y[0] == guaranteedFraction(m, mark.x[0], 1));
        last = mark.x[0];
    }
    // 31 frames of 1/60 s at 3 decades per second: 1.55 decades from 1e10.
    CHECK(std::log10(last) == Approx(10 + 31 * 3.0 / 60).epsilon(1e-6));
    // Off: no marker.
    app::assignBinding(binding(view, "play"), Json("off"));
    test::drawView(gui, view);
    CHECK_THROWS(test::series("emergence-main", "skills (k'=1) at N"));
}

TEST_CASE("player: the Stimulus view's read-outs follow N while it plays", "[app][player][stimulus]") {
    test::HeadlessImGui gui;
    app::StimulusView view;
    app::assignBinding(binding(view, "n"), Json(1e11));
    app::assignBinding(binding(view, "play"), Json("on"));
    test::drawView(gui, view);
    const double n0 = test::series("stimulus-main", "k'=4 guaranteed at N").x[0];
    for (int f = 0; f < 10; ++f) test::drawView(gui, view);
    const ui::PlotSeries& mark = test::series("stimulus-main", "k'=4 guaranteed at N");
    CHECK(mark.x[0] > n0);
    EmergenceModel m;  // the view's defaults: the emergence model's, with c = 0.5
    m.c = 0.5;
    CHECK(mark.y[0] == stimulusAt(m, 10000, 4, 100, mark.x[0]).guaranteed_fraction);
}
