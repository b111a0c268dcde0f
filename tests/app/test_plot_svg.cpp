// A plot's SVG (src/app/plot.cpp drawing through the SVG painter, App::exportPlot "svg"): well-formed,
// one path per series whose points map back through the axes to the exported data, its texts as
// <text>, its provenance in <metadata>; and the screen draws the same with or without a recording.
#include "app/app.h"
#include "app/plot.h"
#include "imgui_fixture.h"
#include "query/provenance.h"
#include "query/url_query.h"
#include "recording_host.h"
#include "svg_read.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>

using namespace slingshot;
using namespace slingshot::test;

namespace {

// Read-back tolerance: coordinates are written to 0.001 px and computed in float (about 1e-4 px
// at 1280 px), so the data they encode are within 0.002 px of the exported numbers.
constexpr double kPxTolerance = 0.002;

const std::vector<double> kX = {1e8, 3e9, 1e11, 5e13, 1e17};
const std::vector<double> kY = {0.01, 0.1, 0.5, 0.9, 0.99};

void drawTestPlot(ui::Scale yscale) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(900, 600));
    ImGui::Begin("svg test", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::Dummy(ImVec2(10, 37));  // the plot's top-left is not the window's
    if (ui::BeginPlot("svg-test", "A <title> & more", {"model size N (parameters)", ui::Scale::Log10, 1e8, 1e17},
                      {"fraction", yscale, 0.005, 1.2}, ImVec2(640, 400))) {
        ui::PlotBand("spread", kX, std::vector<double>(kX.size(), 0.02), kY, ui::PlotColour::Green);
        ui::PlotLine("k'=1 curve", kX, kY, ui::PlotColour::Accent, ui::LineStyle::DashDot);
        ui::PlotMarkers("points", {3e9, 5e13}, {0.1, 0.9}, ui::PlotColour::Warm);
        ui::PlotHLine(0.5, "one half", ui::PlotColour::Reference);
        ui::EndPlot();
    }
    ImGui::End();
}

// Every vertex position and colour of a frame, to compare two frames' drawing.
std::vector<float> drawnVertices() {
    std::vector<float> out;
    const ImDrawData* dd = ImGui::GetDrawData();
    for (int l = 0; l < dd->CmdListsCount; ++l)
        for (const ImDrawVert& v : dd->CmdLists[l]->VtxBuffer)
            out.insert(out.end(), {v.pos.x, v.pos.y, static_cast<float>(v.col)});
    return out;
}

void checkSeriesMapsBack(const XmlElement& svg, const std::string& name, const std::vector<double>& x,
                         const std::vector<double>& y) {
    INFO("series " << name);
    const XmlElement* g = seriesGroup(svg, name, "line");
    REQUIRE(g);
    REQUIRE(g->all("path").size() == 1);
    const XmlElement* data = dataGroup(svg);
    REQUIRE(data);
    const AxisMap axes(*data);
    std::vector<Point> points;
    for (const auto& run : pathRuns(g->all("path").front()->attribute("d")))
        points.insert(points.end(), run.begin(), run.end());
    // The finite points of a log axis are the positive ones.
    std::vector<Point> expected;
    for (size_t i = 0; i < x.size() && i < y.size(); ++i)
        if (std::isfinite(x[i]) && std::isfinite(y[i]) && (!axes.xlog || x[i] > 0) && (!axes.ylog || y[i] > 0))
            expected.push_back({x[i], y[i]});
    REQUIRE(points.size() == expected.size());
    for (size_t i = 0; i < points.size(); ++i) {
        const Point d = axes.data(points[i]);
        INFO("point " << i);
        CHECK(std::fabs(d.first - expected[i].first) <= axes.xTolerance(expected[i].first, kPxTolerance));
        CHECK(std::fabs(d.second - expected[i].second) <= axes.yTolerance(expected[i].second, kPxTolerance));
    }
}

// The CSV export's series: name -> (x, y).
std::map<std::string, std::pair<std::vector<double>, std::vector<double>>> csvSeries(const std::string& csv) {
    std::map<std::string, std::pair<std::vector<double>, std::vector<double>>> out;
    std::istringstream in(csv);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        const size_t b = line.rfind(','), a = line.rfind(',', b - 1);
        std::string name = line.substr(0, a);
        if (name.size() >= 2 && name.front() == '"') name = name.substr(1, name.size() - 2);
        out[name].first.push_back(std::stod(line.substr(a + 1, b - a - 1)));
        out[name].second.push_back(std::stod(line.substr(b + 1)));
    }
    return out;
}

}  // namespace

TEST_CASE("plot svg: series map back through linear and log axes, texts and clip as on screen", "[app][svg]") {
    for (ui::Scale yscale : {ui::Scale::Linear, ui::Scale::Log10}) {
        HeadlessImGui gui;
        gui.frame([&] { drawTestPlot(yscale); });
        const std::vector<float> plain = drawnVertices();
        std::string svg;
        int deliveries = 0;
        ui::RequestSvg("svg-test", {"t", "d", "m"}, [&](std::string doc) { svg = std::move(doc), ++deliveries; });
        gui.frame([&] { drawTestPlot(yscale); });
        CHECK(drawnVertices() == plain);  // recording changes nothing on screen
        gui.frame([&] { drawTestPlot(yscale); });
        CHECK(deliveries == 1);  // once, from the frame after the request

        const XmlElement root = parseXml(svg);
        ImVec2 a, b;
        REQUIRE(ui::plotRect("svg-test", &a, &b));
        CHECK(std::stod(root.attribute("width")) == Approx(b.x - a.x).margin(0.001));
        CHECK(std::stod(root.attribute("height")) == Approx(b.y - a.y).margin(0.001));
        checkSeriesMapsBack(root, "k'=1 curve", kX, kY);
        CHECK(seriesGroup(root, "k'=1 curve", "line")->all("path").front()->attribute("stroke-dasharray") == "9 4 2 4");
        CHECK(seriesGroup(root, "points", "markers")->all("circle").size() == 4);  // a fill and an outline each
        CHECK(seriesGroup(root, "spread", "band")->all("path").size() == 1);

        // The data area: its rectangle is the screen's, relative to the plot, and it clips the series.
        const XmlElement* data = dataGroup(root);
        REQUIRE(data);
        ImVec2 da, db;
        REQUIRE(ui::plotDataRect("svg-test", &da, &db));
        const AxisMap axes(*data);
        CHECK(axes.left == Approx(da.x - a.x).margin(0.001));
        CHECK(axes.top == Approx(da.y - a.y).margin(0.001));
        CHECK(axes.width == Approx(db.x - da.x).margin(0.001));
        std::vector<const XmlElement*> clipped;
        root.collect([](const XmlElement& e) { return e.attributes.count("clip-path") > 0; }, clipped);
        REQUIRE(clipped.size() == 1);
        CHECK(seriesGroup(*clipped.front(), "k'=1 curve", "line"));

        const std::vector<std::string> t = texts(root);
        for (const char* want : {"A <title> & more", "model size N (parameters)", "fraction", "10\u00B9\u2070",
                                 "one half", "k'=1 curve", "points", "spread"})
            CHECK(std::count(t.begin(), t.end(), want) == 1);
    }
}

TEST_CASE("plot svg: the export arrives after the next frame with the provenance the CSV has", "[app][svg]") {
    HeadlessImGui gui;
    RecordingHost host;
    app::App app(&host);
    REQUIRE(app.applyQuery(parseQueryString("?view=emergence&sim=off&k=6&kprime=1,3")).empty());
    gui.frame([&] { app.frame(1280, 800); });
    REQUIRE(app.exportPlot("emergence-main", "csv", 1));
    REQUIRE(app.exportPlot("emergence-main", "svg", 1));
    REQUIRE(host.downloads.size() == 1);  // the SVG is taken from the next frame
    gui.frame([&] { app.frame(1280, 800); });
    REQUIRE(host.downloads.size() == 2);
    const Download& svg = host.downloads[1];
    CHECK(svg.filename == "slingshot-emergence-main.svg");
    CHECK(svg.mime == "image/svg+xml");

    const XmlElement root = parseXml(svg.data);
    const std::string& csv = host.downloads[0].data;
    const Json csv_provenance = Json::parse(csv.substr(14, csv.find('\n') - 14));
    const Json metadata = Json::parse(root.all("metadata").front()->text);
    CHECK(metadata["permalink"] == "https://example.org/slingshot/" + app.queryString());
    CHECK(metadata == csv_provenance);
    CHECK(root.all("desc").front()->text.find(sourceCommit()) != std::string::npos);
    CHECK(root.all("title").front()->text == ui::plotFrame("emergence-main")->title);

    // Every line series of the CSV is one path in the SVG with the same numbers.
    const auto series = csvSeries(csv.substr(csv.find("series,x,y")));
    int lines = 0;
    for (const auto& [name, xy] : series)
        if (seriesGroup(root, name, "line")) {
            checkSeriesMapsBack(root, name, xy.first, xy.second);
            ++lines;
        }
    CHECK(lines >= 2);  // k' = 1 and 3 at least
    const std::vector<std::string> t = texts(root);
    CHECK(std::count(t.begin(), t.end(), "model size N (parameters)") == 1);
}

TEST_CASE("plot svg: a request whose plot is not drawn is dropped with a notice", "[app][svg]") {
    HeadlessImGui gui;
    RecordingHost host;
    app::App app(&host);
    REQUIRE(app.applyQuery(parseQueryString("?view=curves")).empty());
    gui.frame([&] { app.frame(1280, 800); });
    CHECK_FALSE(app.exportPlot("emergence-main", "svg", 1));  // not a plot of this view
    REQUIRE(app.exportPlot("curves-cor13", "svg", 1));
    app.selectView("scaling");
    gui.frame([&] { app.frame(1280, 800); });
    app.selectView("curves");
    gui.frame([&] { app.frame(1280, 800); });
    CHECK(host.downloads.empty());
    const std::vector<std::string> n = app.notices();
    CHECK(std::count_if(n.begin(), n.end(), [](const std::string& s) {
              return s.find("SVG export of curves-cor13 skipped") != std::string::npos;
          }) == 1);
}
