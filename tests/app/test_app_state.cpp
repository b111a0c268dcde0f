// The page's state through the URL and Slingshot.getState/setState: round trips, refusals with
// notices, and hostile input that must leave the page working.
#include "app/app.h"
#include "app/plot.h"
#include "imgui_fixture.h"
#include "query/url_query.h"

#include <catch2/catch.hpp>

using namespace slingshot;

namespace {
bool anyNoticeContains(const std::vector<std::string>& notes, const std::string& part) {
    for (const auto& n : notes)
        if (n.find(part) != std::string::npos) return true;
    return false;
}
}  // namespace

TEST_CASE("state: URL parameters reach the view and come back in getState", "[app][state]") {
    test::HeadlessImGui gui;
    app::App app;
    auto notes = app.applyQuery(parseQueryString("?v=2&view=scaling&n=1e10&ratio=50&theme=dark&scale=2"));
    CHECK(notes.empty());
    Json s = app.state();
    CHECK(s["view"] == "scaling");
    CHECK(s["n"].get<double>() == 1e10);
    CHECK(s["ratio"].get<double>() == 50);
    CHECK(s["theme"] == "dark");
    CHECK(s["scale"].get<double>() == 2);
    CHECK(app.settings().dark);
    CHECK(app.settings().scale == 2.0f);
}

TEST_CASE("state: the link written by the page restores the same state", "[app][state]") {
    test::HeadlessImGui gui;
    app::App a;
    a.applyQuery(parseQueryString("?view=scaling&n=3.5e11&ratio=12.5&cmap=2.2&preset=besiroglu2024"));
    gui.frame([&] { a.frame(1280, 800); });  // the view loads the preset's constants
    std::string link = a.queryString();
    CHECK(link.rfind("?v=2&view=scaling", 0) == 0);
    app::App b;
    CHECK(b.applyQuery(parseQueryString(link)).empty());
    gui.frame([&] { b.frame(1280, 800); });
    CHECK(a.state() == b.state());
    CHECK(b.state()["entropy"].get<double>() == Approx(1.8172));
}

TEST_CASE("state: out-of-range and malformed values are refused with a notice, defaults kept", "[app][state]") {
    test::HeadlessImGui gui;
    app::App app;
    app.selectView("scaling");
    double before = app.state()["n"].get<double>();
    auto notes = app.applyQuery(parseQueryString("?n=-5&ratio=abc&scale=9&theme=purple"));
    CHECK(notes.size() == 4);
    CHECK(anyNoticeContains(notes, "--n"));
    CHECK(anyNoticeContains(notes, "--ratio"));
    CHECK(anyNoticeContains(notes, "--scale"));
    CHECK(anyNoticeContains(notes, "--theme"));
    CHECK(app.state()["n"].get<double>() == before);
    CHECK(app.state()["scale"].get<double>() == 1);
    CHECK(app.notices().size() == 4);
}

TEST_CASE("state: unknown views, parameters and versions are reported", "[app][state]") {
    test::HeadlessImGui gui;
    app::App app;
    app.selectView("scaling");
    auto notes = app.applyQuery(parseQueryString("?v=7&view=nope&zzz=1"));
    CHECK(notes.size() == 3);
    CHECK(anyNoticeContains(notes, "v='7'"));
    CHECK(anyNoticeContains(notes, "--view"));
    CHECK(anyNoticeContains(notes, "'zzz'"));
    CHECK(std::string(app.currentViewName()) == "scaling");
}

TEST_CASE("state: hostile input is clipped in notices and never applied", "[app][state]") {
    test::HeadlessImGui gui;
    app::App app;
    std::string huge(10000, 'x');
    app.selectView("scaling");
    auto notes = app.applyQuery(parseQueryString("?n=" + huge +
                                                 "&%3Cscript%3Ealert(1)%3C%2Fscript%3E=1&ratio=1e999"
                                                 "&n=NaN&theme=%3Cimg%20src%3Dx%3E"));
    REQUIRE(!notes.empty());
    for (const auto& n : notes) CHECK(n.size() < 400);
    CHECK(std::isfinite(app.state()["n"].get<double>()));
    for (int i = 0; i < 2; ++i) gui.frame([&] { app.frame(1280, 800); });  // still draws
}

TEST_CASE("state: a notice keeps its whole text whatever bytes the value holds", "[app][state]") {
    test::HeadlessImGui gui;
    app::App app;
    app.selectView("curves");
    // A NUL and a newline in values, a bell in a name: shown escaped, and the reason and range follow.
    auto notes = app.applyQuery(parseQueryString("?theta=0%2E1%00&k=8%0A9&%07=1"));
    REQUIRE(notes.size() == 3);
    CHECK(anyNoticeContains(notes, "--theta: '0.1\\x00' is not a number; allowed: [0, 1]; kept 0.1"));
    CHECK(anyNoticeContains(notes, "--k: '8\\n9' is not a number"));
    CHECK(anyNoticeContains(notes, "unknown parameter '\\x07' ignored"));
    for (const auto& n : notes) CHECK(n.find('\0') == std::string::npos);
    CHECK(app.notices() == notes);
}

TEST_CASE("state: thousands of bad parameters give a short notice list that counts the rest", "[app][state]") {
    test::HeadlessImGui gui;
    app::App app;
    app.selectView("scaling");
    // 1,500 in a link (the most that fit in the query length the page reads), 3,000 by setState.
    std::string query = "?v=2";
    for (int i = 0; i < 1500; ++i) {
        query += "&u";
        query += std::to_string(i);
        query += "=1";
    }
    REQUIRE(query.size() <= kMaxQueryLength);
    const auto notes = app.applyQuery(parseQueryString(query));
    REQUIRE(notes.size() == app::NoticeList::kShown + 1);
    CHECK(notes.back() == "\u2026 and 1490 more");
    CHECK(app.notices() == notes);
    // Later notices are counted in the same line until the reader dismisses the bar.
    app.addNotice("one more");
    CHECK(app.notices().back() == "\u2026 and 1491 more");
    Json many = Json::object();
    for (int i = 0; i < 3000; ++i) many[std::string("s") += std::to_string(i)] = 1;
    const auto answer = app.setState(many);
    REQUIRE(answer.size() == app::NoticeList::kShown + 1);
    CHECK(answer.back() == "\u2026 and 2990 more");
    for (int i = 0; i < 2; ++i) gui.frame([&] { app.frame(1280, 800); });  // the bar draws
}

TEST_CASE("state: setState takes JSON numbers and strings, refuses the rest", "[app][state]") {
    test::HeadlessImGui gui;
    app::App app;
    auto notes = app.setState(Json{{"n", 2e9}, {"ratio", "40"}, {"theta-map", "pinsker"}, {"view", "scaling"}});
    CHECK(notes.empty());
    CHECK(app.state()["n"].get<double>() == 2e9);
    CHECK(app.state()["theta-map"] == "pinsker");
    notes = app.setState(Json{{"n", Json::array()}, {"ratio", nullptr}});
    CHECK(notes.size() == 2);
    CHECK(app.setState(Json(42)).size() == 1);
    CHECK(app.state()["ratio"].get<double>() == 40);
}

TEST_CASE("state: embed mode is part of the state and the link", "[app][state]") {
    test::HeadlessImGui gui;
    app::App app;
    app.applyQuery(parseQueryString("?embed=1&view=scaling&controls=1"));
    CHECK(app.embedded());
    CHECK(app.queryString().find("embed=1") != std::string::npos);
    for (int i = 0; i < 2; ++i) gui.frame([&] { app.frame(640, 360); });
}

TEST_CASE("state: an embed shows one plot filling the frame, chosen by plot=", "[app][state][embed]") {
    const float w = 640, h = 360;
    const std::vector<std::pair<const char*, std::vector<const char*>>> cases = {
        {"scaling", {"scaling-loss", "scaling-theta"}},
        {"graph", {"graph-degrees"}},
        {"competence", {"competence-fraction", "competence-histogram", "competence-tuples"}},
        {"curves", {"curves-family", "curves-cor13"}},
        {"tightness", {"tightness-fraction", "tightness-ratio"}},
        {"emergence", {"emergence-main", "emergence-zipf"}},
        {"stimulus", {"stimulus-main"}}};
    for (const auto& [view, plots] : cases) {
        for (const char* plot : plots) {
            INFO(view << " " << plot);
            test::HeadlessImGui gui(w, h);
            app::App app;
            const auto notes = app.applyQuery(parseQueryString(std::string("?embed=1&view=") + view + "&plot=" + plot));
            CHECK(notes.empty());
            for (int i = 0; i < 3; ++i) gui.frame([&] { app.frame(w, h); });
            ImVec2 lo, hi;
            REQUIRE(ui::plotRect(plot, &lo, &hi));
            // The plot spans the frame's width and most of its height (a footer link and at most
            // two status lines above it).
            CHECK(hi.x - lo.x >= 0.9f * w);
            CHECK(hi.y - lo.y >= 0.7f * h);
            CHECK(hi.y <= h);
            CHECK(app.queryString().find(std::string("&plot=") + plot) != std::string::npos);
            CHECK(app.state()["plot"] == plot);
        }
    }
}

TEST_CASE("state: plot= is checked against the view's plots and reset when the view changes", "[app][state][embed]") {
    test::HeadlessImGui gui;
    app::App app;
    auto notes = app.applyQuery(parseQueryString("?embed=1&view=curves&plot=scaling-loss"));
    CHECK(anyNoticeContains(notes, "plot"));
    CHECK(app.queryString().find("plot=") == std::string::npos);  // the default plot stays out of the link
    CHECK_FALSE(app.state().contains("plot"));
    for (int i = 0; i < 2; ++i) gui.frame([&] { app.frame(640, 360); });

    notes = app.applyQuery(parseQueryString("?embed=1&view=curves&plot=curves-cor13"));
    CHECK(notes.empty());
    CHECK(app.state()["plot"] == "curves-cor13");
    REQUIRE(app.selectView("scaling"));
    CHECK_FALSE(app.state().contains("plot"));
    // The overview has no plots: its embed is the clickable chain.
    notes = app.applyQuery(parseQueryString("?embed=1&view=overview"));
    CHECK(notes.empty());
    for (int i = 0; i < 2; ++i) gui.frame([&] { app.frame(640, 360); });
}

TEST_CASE("state: a version-1 link with a graph of more than one block of pieces says its graph changed",
          "[app][state]") {
    test::HeadlessImGui gui;
    auto notesOf = [](const std::string& query) {
        app::App app;
        return app.applyQuery(parseQueryString(query));
    };
    const auto old_big = notesOf("?v=1&view=graph&n2=5e6");
    REQUIRE(old_big.size() == 1);
    CHECK(old_big[0].rfind("n2=", 0) == 0);
    CHECK(old_big[0].find("5e6") != std::string::npos);
    CHECK(old_big[0].find("this link is from version 1") != std::string::npos);
    CHECK(old_big[0].find("drawn block by block") != std::string::npos);
    CHECK(notesOf("?v=1&view=graph&n2=1048576").empty());  // one block: the same graph as before
    CHECK(notesOf("?v=2&view=graph&n2=5e6").empty());
    const auto unknown = notesOf("?v=7&view=graph");
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0].find("reads v=1 and v=2") != std::string::npos);
}

TEST_CASE("state: narrow windows lay out for phones, the controls panel open or closed in the link", "[app][state]") {
    test::HeadlessImGui gui;
    app::App app;
    app.applyQuery(parseQueryString("?view=curves"));
    gui.frame([&] { app.frame(390, 844); });
    CHECK(app.compactLayout());
    CHECK(app.state()["panel"] == "closed");
    app.applyQuery(parseQueryString("?view=curves&panel=open"));
    gui.frame([&] { app.frame(390, 844); });
    CHECK(app.state()["panel"] == "open");
    CHECK(app.queryString().find("panel=open") != std::string::npos);
    gui.frame([&] { app.frame(1280, 800); });
    CHECK(!app.compactLayout());
    CHECK(app.applyQuery(parseQueryString("?panel=half")).size() == 1);  // refused with a notice
    app.applyQuery(parseQueryString("?view=curves&embed=1"));
    gui.frame([&] { app.frame(390, 300); });
    CHECK(!app.compactLayout());  // an embed shows its one plot at any width
}
