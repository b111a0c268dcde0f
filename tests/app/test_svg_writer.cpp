// The SVG painter (src/app/svg_writer.cpp): escaping, numbers, dash arrays, and a well-formed document
// in the plot's own coordinates.
#include "app/svg_writer.h"
#include "svg_read.h"

#include <catch2/catch.hpp>

using namespace slingshot;
using namespace slingshot::test;

TEST_CASE("svg writer: text is escaped for XML, control characters dropped", "[app][svg]") {
    CHECK(ui::xmlEscape("a<b & \"c\" 'd' >") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos; &gt;");
    CHECK(ui::xmlEscape(std::string("x\x01y\tz\n", 6)) == "xy\tz\n");
    CHECK(ui::xmlEscape("N \u2265 10\u00B9\u00B2") == "N \u2265 10\u00B9\u00B2");  // UTF-8 kept as is
}

TEST_CASE("svg writer: numbers to a thousandth of a pixel without trailing zeros", "[app][svg]") {
    CHECK(ui::svgNumber(12.5) == "12.5");
    CHECK(ui::svgNumber(3) == "3");
    CHECK(ui::svgNumber(-0.0001) == "0");
    CHECK(ui::svgNumber(1.23456) == "1.235");
    CHECK(ui::svgNumber(-1234.5678) == "-1234.568");
    for (double v : {0.1234567, 977.0001, 1279.9996}) CHECK(std::fabs(std::stod(ui::svgNumber(v)) - v) <= 0.0005);
}

TEST_CASE("svg writer: dash arrays are the screen's dash patterns", "[app][svg]") {
    CHECK(ui::svgDashArray(ui::LineStyle::Solid).empty());
    CHECK(ui::svgDashArray(ui::LineStyle::Dashed) == "8 5");
    CHECK(ui::svgDashArray(ui::LineStyle::Dotted) == "2 4");
    CHECK(ui::svgDashArray(ui::LineStyle::DashDot) == "9 4 2 4");
}

TEST_CASE("svg writer: a well-formed document in plot coordinates", "[app][svg]") {
    ui::SvgWriter svg(ImVec2(100, 50), ImVec2(200, 120), {12.5f, 12}, IM_COL32(255, 255, 255, 255),
                      {"Title <1>", "made by \"us\" & co", "{\"permalink\":\"?a=1&b=2\"}"});
    svg.beginGroup({{"data-series", "k'=2 <tuples>"}, {"data-kind", "line"}});
    svg.polylines({{ImVec2(100, 50), ImVec2(110.25f, 60)}, {}, {ImVec2(120, 70), ImVec2(130, 80.5f)}},
                  IM_COL32(0, 114, 178, 255), 2, ui::LineStyle::Dashed);
    svg.endGroup();
    svg.pushClip(ImVec2(110, 60), ImVec2(290, 160));
    svg.band({ImVec2(110, 150), ImVec2(120, 150)}, {ImVec2(110, 100), ImVec2(120, 90)}, IM_COL32(0, 0, 0, 46));
    svg.circle(ImVec2(150, 100), 4, IM_COL32(255, 0, 0, 255), 12, 1);
    svg.line(ImVec2(110, 60), ImVec2(110, 160), IM_COL32(0, 0, 0, 31), 1);
    svg.beginGroup({{"class", "left open"}});  // closed by finish()
    svg.text(ImVec2(105, 55), IM_COL32(0, 0, 0, 255), "10\u00B9\u00B2 & <more>");
    const XmlElement root = parseXml(svg.finish());

    CHECK(root.name == "svg");
    CHECK(root.attribute("xmlns") == "http://www.w3.org/2000/svg");
    CHECK(root.attribute("width") == "200");
    CHECK(root.attribute("height") == "120");
    CHECK(root.attribute("viewBox") == "0 0 200 120");
    CHECK(root.attribute("font-family") == "'DejaVu Sans', sans-serif");
    CHECK(root.attribute("font-size") == "12.5");
    CHECK(root.all("title").front()->text == "Title <1>");
    CHECK(root.all("desc").front()->text == "made by \"us\" & co");
    CHECK(root.all("metadata").front()->text == "{\"permalink\":\"?a=1&b=2\"}");

    const XmlElement* series = seriesGroup(root, "k'=2 <tuples>", "line");
    REQUIRE(series);
    REQUIRE(series->all("path").size() == 1);
    const XmlElement& path = *series->all("path").front();
    CHECK(path.attribute("d") == "M0 0 L10.25 10 M20 20 L30 30.5");  // the empty run is left out
    CHECK(path.attribute("stroke") == "#0072b2");
    CHECK(path.attribute("stroke-dasharray") == "8 5");
    CHECK(path.attribute("transform") == "translate(0.5 0.5)");  // where the screen draws its dashes
    CHECK(path.attribute("fill") == "none");

    const auto clips = root.all("clipPath");
    REQUIRE(clips.size() == 1);
    const XmlElement& clip_rect = clips.front()->children.at(0);
    CHECK(clip_rect.attribute("x") == "10");
    CHECK(clip_rect.attribute("width") == "180");
    std::vector<const XmlElement*> clipped;
    root.collect([](const XmlElement& e) { return e.attributes.count("clip-path") > 0; }, clipped);
    REQUIRE(clipped.size() == 1);
    CHECK(clipped.front()->attribute("clip-path") == "url(#" + clips.front()->attribute("id") + ")");
    const auto paths = clipped.front()->all("path");
    REQUIRE(paths.size() == 1);
    CHECK(paths.front()->attribute("d") == "M10 100 L20 100 L20 40 L10 50 Z");  // low forwards, high back
    CHECK(paths.front()->attribute("fill-opacity") == "0.18");
    CHECK(clipped.front()->all("circle").front()->attribute("r") == "3.5");  // ImGui's outline radius
    const XmlElement& grid = *clipped.front()->all("line").front();          // through pixel centres, as ImGui's
    CHECK((grid.attribute("x1") == "10.5" && grid.attribute("y1") == "10.5" && grid.attribute("y2") == "110.5"));
    CHECK(grid.attribute("stroke-opacity") == "0.122");

    const auto text = root.all("text");
    REQUIRE(text.size() == 1);
    CHECK(text.front()->text == "10\u00B9\u00B2 & <more>");
    CHECK(text.front()->attribute("x") == "5");
    CHECK(text.front()->attribute("y") == "17");  // the baseline: line top + ascent
}
