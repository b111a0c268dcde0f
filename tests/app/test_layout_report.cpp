// The layout report: at phone and embed sizes every view is laid out compact, cuts no text at a clip
// edge, and places its line labels clear of each other and of the legend.
#include "app/layout_report.h"

#include "app/app.h"
#include "imgui_fixture.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace slingshot;

namespace {

const std::vector<std::string> kViews = {"overview", "scaling",   "graph",     "competence",
                                         "curves",   "tightness", "emergence", "stimulus"};

// Frames until the view's numbers are final, then the report of the last frame.
Json settledReport(app::App& app, test::HeadlessImGui& gui, ImVec2 size) {
    for (int i = 0; i < 20000; ++i) {
        gui.frame([&] { app.frame(size.x, size.y); });
        if (i > 2 && !app.busy()) break;
    }
    gui.frame([&] { app.frame(size.x, size.y); });
    return app::layoutReport(app, *ImGui::GetDrawData());
}

bool intersects(const Json& a, const Json& b) {
    return a[0].get<double>() < b[2].get<double>() && b[0].get<double>() < a[2].get<double>() &&
           a[1].get<double>() < b[3].get<double>() && b[1].get<double>() < a[3].get<double>();
}

std::string clippedList(const Json& report) {
    std::string out;
    for (const Json& c : report["clipped"])
        out += c["window"].get<std::string>() + ": " + c["text"].get<std::string>() + " at " + c["rect"].dump() +
               ", clip " + c["clip"].dump() + "\n";
    return out;
}

// Every view at this size, as a page or an embed, draws no text cut at a clip edge; a page below
// the compact width is laid out compact.
void expectNoCutText(ImVec2 size, bool embed, bool coarse_pointer = false) {
    for (const std::string& view : kViews) {
        test::HeadlessImGui gui(size.x, size.y);
        app::App app;
        app.setCoarsePointer(coarse_pointer);
        REQUIRE(app.applyQuery({{"view", view}, {"embed", embed ? "1" : "0"}}).empty());
        const Json report = settledReport(app, gui, size);
        INFO(view << (embed ? " embed" : "") << (coarse_pointer ? " (touch)" : "") << " at " << size.x << " x "
                  << size.y << "\n"
                  << clippedList(report));
        if (coarse_pointer) CHECK(ImGui::GetFrameHeight() >= app::App::kTouchTarget);
        CHECK(report["embed"] == embed);
        CHECK(report["compact"] == (!embed && size.x < app::App::kCompactWidth));
        CHECK(report["clipped"].empty());
    }
}

}  // namespace

TEST_CASE("layout report: every view on a phone is compact and cuts no text", "[app][layout]") {
    for (ImVec2 size : {ImVec2(390, 844), ImVec2(360, 640)}) expectNoCutText(size, false);
}

TEST_CASE("layout report: on a touch screen controls are finger-sized and no text is cut", "[app][layout]") {
    for (ImVec2 size : {ImVec2(390, 844), ImVec2(360, 640)}) {
        expectNoCutText(size, false, true);
        expectNoCutText(size, true, true);
    }
}

TEST_CASE("layout report: every view's embed at phone width cuts no text", "[app][layout]") {
    for (ImVec2 size : {ImVec2(360, 300), ImVec2(360, 640)}) expectNoCutText(size, true);
}

TEST_CASE("layout report: every view cuts no text on a desktop or a projector", "[app][layout]") {
    for (ImVec2 size : {ImVec2(1280, 800), ImVec2(1920, 1080), ImVec2(700, 500)}) expectNoCutText(size, false);
}

TEST_CASE("layout report: line labels overlap neither each other nor the legend", "[app][layout]") {
    for (ImVec2 size : {ImVec2(1280, 800), ImVec2(390, 844), ImVec2(360, 300)}) {
        for (const std::string& view : kViews) {
            for (const char* embed : {"0", "1"}) {
                test::HeadlessImGui gui(size.x, size.y);
                app::App app;
                REQUIRE(app.applyQuery({{"view", view}, {"embed", embed}}).empty());
                const Json report = settledReport(app, gui, size);
                for (const Json& plot : report["plots"]) {
                    INFO(view << " embed=" << embed << " at " << size.x << " x " << size.y << ", plot " << plot["id"]);
                    std::vector<Json> shown;
                    for (const Json& l : plot["labels"])
                        if (!l["dropped"].get<bool>()) shown.push_back(l["rect"]);
                    for (size_t i = 0; i < shown.size(); ++i) {
                        if (!plot["legend"].is_null()) CHECK_FALSE(intersects(shown[i], plot["legend"]));
                        for (size_t j = i + 1; j < shown.size(); ++j) CHECK_FALSE(intersects(shown[i], shown[j]));
                    }
                }
            }
        }
    }
}

TEST_CASE("layout report: a wide window is not compact and names its plots' rectangles", "[app][layout]") {
    test::HeadlessImGui gui(1280, 800);
    app::App app;
    REQUIRE(app.applyQuery({{"view", "curves"}}).empty());
    const Json report = settledReport(app, gui, ImVec2(1280, 800));
    CHECK(report["compact"] == false);
    CHECK(report["width"] == 1280);
    REQUIRE_FALSE(report["plots"].empty());
    for (const Json& plot : report["plots"]) {
        const Json &frame = plot["frame"], &data = plot["data"];
        CHECK(frame[0].get<double>() <= data[0].get<double>());
        CHECK(data[2].get<double>() <= frame[2].get<double>());
        CHECK(data[0].get<double>() < data[2].get<double>());
    }
}
