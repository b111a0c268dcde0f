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
    // Rounding that carries into the next power of ten: "10¹²", never "10×10¹¹" or "1e+01×10¹¹".
    CHECK(ui::formatNumber(9.96e11, 2) == "10\u00b9\u00b2");
    CHECK(ui::formatNumber(9.996e11) == "10\u00b9\u00b2");
    CHECK(ui::formatNumber(-9.7e-7, 2) == "\u221210\u207b\u2076");
    CHECK(ui::formatNumber(2.46e13, 3) == "2.5\u00d710\u00b9\u00b3");
    CHECK(ui::formatNumber(1.5e12, 2) == "2\u00d710\u00b9\u00b2");
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

namespace {

// One frame with a 400 x 300 plot "p" drawn by `items`.
template <class F>
void plotFrame(test::HeadlessImGui& gui, const char* id, F&& items) {
    gui.frame([&] {
        ImGui::Begin("w");
        if (ui::BeginPlot(id, "", {"x", ui::Scale::Linear, 0, 3}, {"y", ui::Scale::Linear, 0, 6}, ImVec2(400, 300))) {
            items();
            ui::EndPlot();
        }
        ImGui::End();
    });
}

}  // namespace

TEST_CASE("plot: stairs record two vertices per bin, from 0 up to the value", "[app][plot]") {
    test::HeadlessImGui gui;
    plotFrame(gui, "stairs", [] { ui::PlotStairs("counts", {0, 1, 2.5}, {3, 5}, 0); });
    const auto& series = ui::plotSeries("stairs");
    REQUIRE(series.size() == 2);
    CHECK(series[0].name == "counts (low)");
    CHECK(series[0].x == std::vector<double>{0, 1, 1, 2.5});
    CHECK(series[0].y == std::vector<double>{0, 0, 0, 0});
    CHECK(series[1].name == "counts (high)");
    CHECK(series[1].x == std::vector<double>{0, 1, 1, 2.5});
    CHECK(series[1].y == std::vector<double>{3, 3, 5, 5});
    CHECK(ui::plotLegend("stairs") == std::vector<std::string>{"counts"});
    CHECK(ui::plotCsv("stairs").find("counts (high),1,5\n") != std::string::npos);
}

TEST_CASE("plot: legend-only entries are in the legend, not in read-out or export", "[app][plot]") {
    test::HeadlessImGui gui;
    std::vector<double> x{0, 1, 2}, y{1, 2, 3};
    plotFrame(gui, "legend-only", [&] {
        ui::PlotLine("##hidden", x, y, 0);
        ui::PlotLine("data", x, y, 1);
        ui::PlotLegendLine("shared dashes", 6, ui::LineStyle::Dashed);
        ui::PlotLegendMarkers("shared dots", 6, 2.5f);
    });
    CHECK(ui::plotLegend("legend-only") == std::vector<std::string>{"data", "shared dashes", "shared dots"});
    const auto& series = ui::plotSeries("legend-only");
    REQUIRE(series.size() == 2);
    CHECK(series[0].name == "hidden");
    CHECK(series[1].name == "data");
    CHECK(ui::plotCsv("legend-only").find("shared") == std::string::npos);
}

TEST_CASE("plot: a swatch takes the legend's width and one text line", "[app][plot]") {
    test::HeadlessImGui gui;
    ImVec2 size;
    gui.frame([&] {
        ImGui::Begin("w");
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const int before = dl->VtxBuffer.Size;
        ui::LineSwatch(0, ui::LineStyle::Dashed, 2.0f);
        size = ImGui::GetItemRectSize();
        CHECK(dl->VtxBuffer.Size > before);
        ImGui::End();
    });
    CHECK(size.x == Approx(ImGui::GetFontSize() * 1.8f).epsilon(0.01));
}

TEST_CASE("plot: each id is begun once per frame", "[app][plot]") {
    test::HeadlessImGui gui;
    plotFrame(gui, "once", [] {
        CHECK(ui::plotBegunThisFrame("once"));
        CHECK_FALSE(ui::plotBegunThisFrame("other"));
    });
    gui.frame([] { CHECK_FALSE(ui::plotBegunThisFrame("once")); });  // a new frame
    plotFrame(gui, "once", [] { CHECK(ui::plotBegunThisFrame("once")); });
}

TEST_CASE("plot: colour names follow the theme and the colour drawn", "[app][plot]") {
    test::HeadlessImGui gui;
    ImGui::StyleColorsLight();
    CHECK(std::string(ui::colourName(ui::PlotColour::Foreground)) == "black");
    CHECK(ui::paletteColor(ui::PlotColour::Foreground) == IM_COL32(0, 0, 0, 255));
    ImGui::StyleColorsDark();
    CHECK(std::string(ui::colourName(ui::PlotColour::Foreground)) == "white");
    CHECK(ui::paletteColor(ui::PlotColour::Foreground) == IM_COL32(255, 255, 255, 255));
    CHECK(std::string(ui::colourName(ui::PlotColour::Accent + ui::PlotColour::Count)) == "light blue");  // wraps
    for (auto style : {ImGui::StyleColorsLight, ImGui::StyleColorsDark}) {
        style(nullptr);
        for (int i = 0; i < ui::PlotColour::Count; ++i)
            for (int j = 0; j < i; ++j) {
                CHECK(std::string(ui::colourName(i)) != ui::colourName(j));
                CHECK(ui::paletteColor(i) != ui::paletteColor(j));
            }
    }
}

namespace {

bool overlap(ImVec2 a0, ImVec2 a1, ImVec2 b0, ImVec2 b1) {
    return a0.x < b1.x && b0.x < a1.x && a0.y < b1.y && b0.y < a1.y;
}

}  // namespace

TEST_CASE("plot: line labels never overlap each other or the legend, and stay in the data area", "[app][plot]") {
    test::HeadlessImGui gui;
    // Four thresholds close together (their labels would sit on one another in one row), a target line
    // and a legend; then at a tenth of the width, where not all can fit.
    const std::vector<double> x{0, 3}, y{0, 6};
    const auto items = [&] {
        ui::PlotLine("curve", x, y, 0);
        for (double t : {1.0, 1.1, 1.2, 1.3}) ui::PlotVLine(t, ui::formatNumber(t * 1e12, 3).c_str(), 1);
        ui::PlotHLine(5.5, "target 0.5", 2);
    };
    plotFrame(gui, "labels", items);
    const auto& labels = ui::plotLabels("labels");
    REQUIRE(labels.size() == 5);
    ImVec2 lmin, lmax, pmin, pmax;
    REQUIRE(ui::plotLegendRect("labels", &lmin, &lmax));
    REQUIRE(ui::plotRect("labels", &pmin, &pmax));
    for (size_t i = 0; i < labels.size(); ++i) {
        INFO(labels[i].text);
        CHECK_FALSE(labels[i].dropped);  // 400 px: room for all
        CHECK_FALSE(overlap(labels[i].min, labels[i].max, lmin, lmax));
        CHECK(labels[i].min.x >= pmin.x);
        CHECK(labels[i].max.x <= pmax.x);
        for (size_t j = 0; j < i; ++j) CHECK_FALSE(overlap(labels[i].min, labels[i].max, labels[j].min, labels[j].max));
    }
    // Stacked in rows: the four thresholds do not all share one row.
    CHECK(labels[0].min.y != labels[1].min.y);

    gui.frame([&] {
        ImGui::Begin("w");
        if (ui::BeginPlot("narrow", "", {"x", ui::Scale::Linear, 0, 3}, {"y", ui::Scale::Linear, 0, 6},
                          ImVec2(120, 90))) {
            items();
            ui::EndPlot();
        }
        ImGui::End();
    });
    const auto& narrow = ui::plotLabels("narrow");
    int dropped = 0;
    for (size_t i = 0; i < narrow.size(); ++i) {
        dropped += narrow[i].dropped;
        if (narrow[i].dropped) continue;
        for (size_t j = 0; j < i; ++j)
            if (!narrow[j].dropped) CHECK_FALSE(overlap(narrow[i].min, narrow[i].max, narrow[j].min, narrow[j].max));
    }
    CHECK(dropped > 0);  // reported, not drawn on top of each other
}

TEST_CASE("plot: a legend that would cover much of the data flows below the plot", "[app][plot]") {
    test::HeadlessImGui gui;
    const std::vector<double> x{0, 3}, y{0, 6};
    const auto draw = [&](const char* id, ImVec2 size) {
        gui.frame([&] {
            ImGui::Begin("w");
            if (ui::BeginPlot(id, "", {"x", ui::Scale::Linear, 0, 3}, {"y", ui::Scale::Linear, 0, 6}, size)) {
                for (int i = 0; i < 6; ++i) ui::PlotLine(("series number " + std::to_string(i)).c_str(), x, y, i);
                ui::EndPlot();
            }
            ImGui::End();
        });
    };
    // Wide and tall: the boxed legend inside the data area.
    for (int frame = 0; frame < 2; ++frame) draw("roomy", ImVec2(900, 600));
    ImVec2 a0, a1, l0, l1;
    REQUIRE(ui::plotDataRect("roomy", &a0, &a1));
    REQUIRE(ui::plotLegendRect("roomy", &l0, &l1));
    CHECK(l0.y >= a0.y);
    CHECK(l1.y <= a1.y);
    // Small (a phone embed): six entries would cover most of the data, so they go below it and the
    // data area keeps the whole width.
    for (int frame = 0; frame < 2; ++frame) draw("small", ImVec2(330, 260));
    REQUIRE(ui::plotDataRect("small", &a0, &a1));
    REQUIRE(ui::plotLegendRect("small", &l0, &l1));
    ImVec2 f0, f1;
    REQUIRE(ui::plotRect("small", &f0, &f1));
    CHECK(l0.y > a1.y);  // below the data, after the x-axis labels
    CHECK(l1.y <= f1.y + 0.5f);
    CHECK(a1.y - a0.y > 40);  // the data keeps a usable height
    CHECK(ui::plotLegend("small").size() == 6);
}

TEST_CASE("plot: a title wider than the plot wraps at spaces and the data area moves down", "[app][plot]") {
    test::HeadlessImGui gui;
    ImVec2 short_min, short_max, long_min, long_max;
    gui.frame([&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(700, 500));
        ImGui::Begin("w");
        for (const char* id : {"short-title", "long-title"}) {
            const bool is_long = std::string(id) == "long-title";
            if (is_long) ImGui::SameLine();  // side by side: both inside the window
            if (ui::BeginPlot(id, is_long ? "Fraction of skills with competence at most c (theta = 0.05, k = 8)" : "T",
                              {"x", ui::Scale::Linear, 0, 1}, {"y", ui::Scale::Linear, 0, 1}, ImVec2(220, 300))) {
                ui::PlotLine("a", {0, 1}, {0, 1}, 0);
                ui::EndPlot();
            }
        }
        ImGui::End();
    });
    REQUIRE(ui::plotDataRect("short-title", &short_min, &short_max));
    REQUIRE(ui::plotDataRect("long-title", &long_min, &long_max));
    ImVec2 short_frame, long_frame, ignored;
    REQUIRE(ui::plotRect("short-title", &short_frame, &ignored));
    REQUIRE(ui::plotRect("long-title", &long_frame, &ignored));
    const float line = ImGui::GetTextLineHeight();
    // At 220 px the long title takes at least three lines: two more than the short one.
    CHECK((long_min.y - long_frame.y) - (short_min.y - short_frame.y) >= 2 * line - 0.5f);
}

TEST_CASE("plot: a plot past 65536 vertices keeps every index inside its draw list", "[app][plot]") {
    // WebGL2 has no base-vertex draws, so the page relies on 32-bit indices, not ImGui's VtxOffset.
    STATIC_REQUIRE(sizeof(ImDrawIdx) == 4);
    test::HeadlessImGui gui(800, 600);
    std::vector<double> x(40000), y(40000);
    for (size_t i = 0; i < x.size(); ++i) x[i] = double(i) / double(x.size()), y[i] = (i % 2) ? 0.9 : 0.1;
    gui.frame([&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(800, 600));
        ImGui::Begin("dense");
        if (ui::BeginPlot("dense-plot", "dense", {"x", ui::Scale::Linear, 0, 1}, {"y", ui::Scale::Linear, 0, 1},
                          ImVec2(780, 560))) {
            ui::PlotLine("zigzag", x, y, 0);
            ui::EndPlot();
        }
        ImGui::End();
    });
    const ImDrawData* dd = ImGui::GetDrawData();
    bool large = false;
    size_t outside = 0, offset_commands = 0;
    for (int l = 0; l < dd->CmdListsCount; ++l) {
        const ImDrawList* list = dd->CmdLists[l];
        large = large || list->VtxBuffer.Size > 65536;
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            offset_commands += cmd.VtxOffset != 0;
            for (unsigned j = 0; j < cmd.ElemCount; ++j)
                outside += list->IdxBuffer[int(cmd.IdxOffset + j)] >= unsigned(list->VtxBuffer.Size);
        }
    }
    CHECK(large);
    CHECK(outside == 0);
    CHECK(offset_commands == 0);
}
