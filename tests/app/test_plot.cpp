#include "app/plot.h"
#include "imgui_fixture.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace slingshot;

TEST_CASE("niceTicks: linear ticks are round numbers covering the range", "[app][plot]") {
    auto ticks = ui::niceTicks(0.0, 1.0, ui::Scale::Linear, 5);
    REQUIRE(ticks.size() == 6);  // 0, 0.2, ..., 1
    CHECK(ticks.front().value == Approx(0.0));
    CHECK(ticks.back().value == Approx(1.0));
    CHECK(ticks[1].value == Approx(0.2));
    CHECK(ticks[1].label == "0.2");
}

TEST_CASE("niceTicks: log ticks fall on decades with superscript labels", "[app][plot]") {
    auto ticks = ui::niceTicks(7.0, 15.0, ui::Scale::Log10, 8);  // log10 range 1e7..1e15
    std::vector<double> majors;
    for (const auto& t : ticks)
        if (t.major) majors.push_back(t.value);
    REQUIRE(majors.size() == 9);
    CHECK(majors.front() == Approx(1e7));
    CHECK(majors.back() == Approx(1e15));
    CHECK(ticks.front().label == "10\u2077");
}

TEST_CASE("niceTicks: many decades are thinned, never more than about the target", "[app][plot]") {
    auto ticks = ui::niceTicks(-300.0, 300.0, ui::Scale::Log10, 6);
    int majors = 0;
    for (const auto& t : ticks) majors += t.major;
    CHECK(majors <= 8);
    CHECK(majors >= 3);
}

TEST_CASE("niceTicks: degenerate ranges give no ticks instead of looping", "[app][plot]") {
    CHECK(ui::niceTicks(1.0, 1.0, ui::Scale::Linear, 5).empty());
    CHECK(ui::niceTicks(NAN, 1.0, ui::Scale::Linear, 5).empty());
    CHECK(ui::niceTicks(0.0, INFINITY, ui::Scale::Log10, 5).empty());
}

TEST_CASE("formatNumber: readable scientific notation", "[app][plot]") {
    CHECK(ui::formatNumber(0.5) == "0.5");
    CHECK(ui::formatNumber(1e10) == "10\u00b9\u2070");
    CHECK(ui::formatNumber(3.219e10) == "3.22\u00d710\u00b9\u2070");
    CHECK(ui::formatNumber(-2e-5) == "\u22122\u00d710\u207b\u2075");
    CHECK(ui::formatNumber(INFINITY) == "\u221e");
    CHECK(ui::formatNumber(NAN) == "n/a");
}

TEST_CASE("plot: the series drawn are kept for export as CSV", "[app][plot]") {
    test::HeadlessImGui gui;
    std::vector<double> x{1, 10, 100}, y{0.5, 0.25, 0.125};
    gui.frame([&] {
        ImGui::Begin("w");
        if (ui::BeginPlot("test-plot", "title", {"x", ui::Scale::Log10, 1, 100}, {"y", ui::Scale::Linear, 0, 1},
                          ImVec2(400, 300))) {
            ui::PlotLine("halving", x, y, 0);
            ui::PlotMarkers("dots", x, y, 1);
            ui::EndPlot();
        }
        ImGui::End();
    });
    const auto& series = ui::plotSeries("test-plot");
    REQUIRE(series.size() == 2);
    CHECK(series[0].name == "halving");
    CHECK(series[0].y == y);
    std::string csv = ui::plotCsv("test-plot");
    CHECK(csv.rfind("series,x,y\n", 0) == 0);
    CHECK(csv.find("halving,10,0.25\n") != std::string::npos);
    CHECK(ui::plotSeries("never-drawn").empty());
}
