#include "app/app.h"
#include "app/plot.h"
#include "core/theory/scaling_law.h"
#include "imgui_fixture.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace slingshot;

namespace {

// The App's own views, in tab order: the choices of its "view" setting, which it builds from the
// views it owns, read from the refusal of a name it does not have.
std::vector<std::string> viewsOf(app::App& app) {
    const std::vector<std::string> notes = app.applyQuery({{"view", "?"}});
    REQUIRE(notes.size() == 1);
    const std::string& note = notes[0];
    const std::string from = "allowed: one of ", to = "; showing ";
    const size_t a = note.find(from), b = note.find(to);
    REQUIRE(a != std::string::npos);
    REQUIRE(b != std::string::npos);
    std::vector<std::string> names;
    std::string list = note.substr(a + from.size(), b - a - from.size());
    for (size_t start = 0; start <= list.size();) {
        size_t bar = std::min(list.find('|', start), list.size());
        names.push_back(list.substr(start, bar - start));
        start = bar + 1;
    }
    return names;
}

}  // namespace

TEST_CASE("app: every view the App has draws frames at several window sizes without ImGui errors", "[app]") {
    for (auto size : {ImVec2(1280, 800), ImVec2(640, 360), ImVec2(320, 240)}) {
        test::HeadlessImGui gui(size.x, size.y);
        app::App app;
        const std::vector<std::string> views = viewsOf(app);
        CHECK(views.size() >= 8);  // overview, scaling, graph, competence, curves, tightness, emergence, stimulus
        CHECK(std::find(views.begin(), views.end(), "tightness") != views.end());
        for (const std::string& view : views) {
            INFO(view << " at " << size.x << " x " << size.y);
            REQUIRE(app.selectView(view));
            for (int i = 0; i < 3; ++i) {
                gui.frame([&] { app.frame(size.x, size.y); });
                // Something was drawn, and drawing did not move the page elsewhere.
                CHECK(ImGui::GetDrawData()->TotalVtxCount > 0);
                CHECK(std::string(app.currentViewName()) == view);
            }
            CHECK(app.state()["view"] == view);
            // Only the refusal that listed the views: drawing a view raises no notice of its own.
            CHECK(app.notices().size() == 1);
        }
    }
}

TEST_CASE("app: busy() while the visible view's jobs run, not for theory-only views", "[app]") {
    test::HeadlessImGui gui;
    app::App app;
    REQUIRE(app.selectView("scaling"));
    CHECK(app.busy());  // until a frame has shown the new view
    gui.frame([&] { app.frame(1280, 800); });
    CHECK_FALSE(app.busy());  // theory only: done in one frame
    app.applyQuery({{"view", "competence"}, {"n2", "200000"}});
    gui.frame([&] { app.frame(1280, 800); });
    CHECK(app.busy());  // the adversary and the certificate take many frames
    int frames = 0;
    while (app.busy() && frames++ < 20000) gui.frame([&] { app.frame(1280, 800); });
    CHECK_FALSE(app.busy());
    // A change of state counts as busy until a frame has started the views' jobs for it.
    app.applyQuery({{"seed", "5"}});
    CHECK(app.busy());
    while (app.busy() && frames++ < 20000) gui.frame([&] { app.frame(1280, 800); });
    CHECK_FALSE(app.busy());
    CHECK(app.state()["seed"] == 5);
}

TEST_CASE("app: unknown views are refused and the current one kept", "[app]") {
    test::HeadlessImGui gui;
    app::App app;
    REQUIRE(app.selectView("scaling"));
    CHECK_FALSE(app.selectView("no-such-view"));
    CHECK(std::string(app.currentViewName()) == "scaling");
}

TEST_CASE("app: the Scaling view plots the engine's excess loss", "[app][scaling]") {
    test::HeadlessImGui gui;
    app::App app;
    app.selectView("scaling");
    gui.frame([&] { app.frame(1280, 800); });
    const auto& series = ui::plotSeries("scaling-loss");
    REQUIRE(series.size() >= 2);
    const auto& excess = series[1];
    REQUIRE(excess.x.size() == excess.y.size());
    auto law = hoffmann2022();
    for (size_t i = 0; i < excess.x.size(); i += 37)
        CHECK(excess.y[i] == Approx(excessLoss(law, excess.x[i], 20 * excess.x[i])).epsilon(1e-12));
}
