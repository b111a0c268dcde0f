// A plot as sentences (src/app/plot_summary): title, axes, each series' ends, range and crossing of
// one half, the marked lines; and the App's figure text built from it for the visible view.
#include "app/app.h"
#include "app/plot.h"
#include "app/plot_summary.h"
#include "imgui_fixture.h"
#include "view_fixture.h"

#include <catch2/catch.hpp>

using namespace slingshot;
using Catch::Matchers::Contains;

TEST_CASE("plot summary: a series' ends, its crossing of one half and the marks, as read off the plot",
          "[app][plot_summary]") {
    test::HeadlessImGui gui;
    CHECK(ui::plotSummary("summary-plot").empty());  // never drawn
    gui.frame([&] {
        ImGui::Begin("w");
        if (ui::BeginPlot("summary-plot", "Guarantee against c", {"competence level c", ui::Scale::Linear, 0, 1},
                          {"fraction of skills", ui::Scale::Linear, 0, 1}, ImVec2(400, 300))) {
            ui::PlotLine("falling", {0, 0.25, 0.5, 1}, {1, 0.75, 0.25, 0}, 0);
            ui::PlotLine("bump", {0, 1, 2}, {0.2, 0.4, 0.3}, 1);
            ui::PlotVLine(0.8, "c", 2);
            ui::PlotHLine(0.5, "target", 3);
            ui::EndPlot();
        }
        ImGui::End();
    });
    const std::string s = ui::plotSummary("summary-plot");
    CHECK_THAT(s, Contains("Guarantee against c. Across: competence level c, 0 to 1. Up: fraction of skills, 0 to 1."));
    // 0.75 at 0.25 to 0.25 at 0.5: one half at 0.375.
    CHECK_THAT(s, Contains("falling: 4 points, from 1 at competence level c = 0 to 0 at competence level c = 1; it "
                           "passes one half at competence level c = 0.375."));
    CHECK_THAT(s, Contains("bump: 3 points, from 0.2 at competence level c = 0 to 0.3 at competence level c = 2, "
                           "between 0.2 and 0.4."));
    CHECK_THAT(s, Contains("Marked: c at competence level c = 0.8."));
    CHECK_THAT(s, Contains("Marked: target at 0.5."));
}

TEST_CASE("figure text: the visible view's plots, with the data of their CSV exports", "[app][plot_summary]") {
    test::HeadlessImGui gui;
    app::App app;
    app.applyQuery({{"view", "curves"}});
    for (int i = 0; i < 3000 && (i < 2 || app.busy()); ++i) gui.frame([&] { app.frame(1280, 800); });
    REQUIRE(!app.busy());
    const app::App::FigureText t = app.figureText();
    CHECK_THAT(t.description, Contains("Curves view."));
    REQUIRE(!t.plots.empty());
    for (const auto& p : t.plots) {
        CHECK(p.csv == ui::plotCsv(p.id.c_str()));
        CHECK_THAT(t.description, Contains(p.title));
    }
}

TEST_CASE("figure text: the Overview's diagram, box by box with its numbers", "[app][plot_summary]") {
    test::HeadlessImGui gui;
    app::App app;
    app.applyQuery({{"view", "overview"}});
    for (int i = 0; i < 3; ++i) gui.frame([&] { app.frame(1280, 800); });
    const std::string d = app.figureText().description;
    CHECK_THAT(d, Contains("Overview view. A diagram of the theory's chain"));
    CHECK_THAT(d,
               Contains("Scaling law: N = 7\u00d710\u00b9\u2070; D = 1.4\u00d710\u00b9\u00b2; L = 1.937 nats/token"));
    CHECK_THAT(d, Contains("Excess loss: \u03b4 = 0.2466"));
}
