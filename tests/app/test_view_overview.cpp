#include "app/app.h"
#include "app/view_overview.h"
#include "core/theory/emergence.h"
#include "query/query.h"
#include "view_fixture.h"

#include <catch2/catch.hpp>

#include <map>
#include <vector>

using namespace slingshot;

namespace {
struct FakeNavigator : app::Navigator {
    std::vector<std::string> visited;
    std::map<std::string, Json> set;
    bool go(const char* url_name) override {
        visited.push_back(url_name);
        return true;
    }
    bool setParam(const char* view, const char* name, const Json& value) override {
        set[std::string(view) + "." + name] = value;
        return true;
    }
    void setGuide(std::function<void()> draw) override { guide = std::move(draw); }
    std::function<void()> guide;
};
}  // namespace

TEST_CASE("overview: the diagram's numbers come from the engine", "[app][overview]") {
    FakeNavigator nav;
    app::OverviewView view(nav);
    const auto& boxes = view.boxes();
    REQUIRE(boxes.size() == 8);
    const EmergenceModel m;
    const double d = 20 * 7e10;
    CHECK(boxes[0].value.find(ui::formatNumber(loss(m.law, 7e10, d), 4)) != std::string::npos);
    CHECK(boxes[1].value.find(ui::formatNumber(excessLoss(m.law, 7e10, d), 4)) != std::string::npos);
    CHECK(boxes[2].value.find(ui::formatNumber(thetaAt(m, 7e10).theta, 3)) != std::string::npos);
    const char* views[] = {"scaling", "scaling", "scaling", "graph", "competence", "emergence", "curves", "stimulus"};
    for (size_t i = 0; i < boxes.size(); ++i) CHECK(std::string(boxes[i].view) == views[i]);
    CHECK(boxes[6].value.find(": 0") != std::string::npos);  // Cor 13 difference exactly 0
}

TEST_CASE("overview: the tour sets parameters, switches views and ends on stimulus", "[app][overview]") {
    FakeNavigator nav;
    app::OverviewView view(nav);
    view.startTour();
    REQUIRE(nav.guide);
    for (int s = 1; s < app::OverviewView::tourSteps(); ++s) view.goToStep(s);
    CHECK(nav.visited == std::vector<std::string>{"scaling", "graph", "competence", "curves", "emergence", "stimulus"});
    CHECK(nav.set.at("curves.theta") == Json(0.1));
    CHECK(nav.set.at("stimulus.kprime") == Json::array({4, 8}));
    view.goToStep(app::OverviewView::tourSteps());
    CHECK(view.tourStep() == -1);
    CHECK(nav.visited.back() == "overview");
}

TEST_CASE("overview: the tour on a real App selects each step's view with the step's parameters", "[app][overview]") {
    test::HeadlessImGui gui;
    app::App app;
    app::OverviewView tour(app);  // the App is the tour's navigator, as for the App's own overview
    // Start away from what the steps set, so that each step has something to change.
    REQUIRE(app.setParam("curves", "theta", Json(0.2)));
    REQUIRE(app.setParam("curves", "k", Json(4)));
    REQUIRE(app.setParam("emergence", "c", Json(0.6)));
    REQUIRE(app.setParam("stimulus", "kprime", Json::array({2})));
    REQUIRE(app.notices().empty());

    struct Expected {
        const char* view;
        Json params;  // what the step sets, as the view's state reads back
    };
    const std::vector<Expected> steps = {
        {"scaling", Json::object()},
        {"graph", Json::object()},
        {"competence", Json::object()},
        {"curves", {{"family", "theta"}, {"theta", 0.1}, {"k", 8}, {"kprime", {2, 4}}, {"tuples", "t2"}}},
        {"emergence", {{"c", 0.8}, {"target", 0.5}, {"kprime", {1, 2, 4, 8}}, {"tuples", "t2"}}},
        {"stimulus", {{"c", 0.5}, {"n1", 10000}, {"kprime", {4, 8}}}},
    };
    REQUIRE(app::OverviewView::tourSteps() == int(steps.size()));
    tour.startTour();
    for (int s = 0; s < app::OverviewView::tourSteps(); ++s) {
        if (s > 0) tour.goToStep(s);
        INFO("step " << s);
        CHECK(tour.tourStep() == s);
        CHECK(std::string(app.currentViewName()) == steps[size_t(s)].view);
        for (int i = 0; i < 2; ++i) gui.frame([&] { app.frame(1280, 800); });  // the guide strip draws
        const Json state = app.state();
        CHECK(state["view"] == steps[size_t(s)].view);
        for (const auto& [name, value] : steps[size_t(s)].params.items()) {
            INFO(name);
            CHECK(state[name] == value);
        }
    }
    CHECK(app.notices().empty());                   // every setting of the tour is accepted
    tour.goToStep(app::OverviewView::tourSteps());  // past the last step: the tour ends on the overview
    CHECK(tour.tourStep() == -1);
    CHECK(std::string(app.currentViewName()) == "overview");
}

TEST_CASE("overview: a setting the App refuses is a notice and leaves the value as it was, never clamped",
          "[app][overview]") {
    test::HeadlessImGui gui;
    app::App app;
    REQUIRE(app.setParam("curves", "theta", Json(0.2)));
    CHECK_FALSE(app.setParam("curves", "theta", Json(2.0)));  // range [0, 1]
    REQUIRE(app.notices().size() == 1);
    CHECK_THAT(app.notices()[0], Catch::StartsWith("--theta: '2.0' is out of range; allowed: [0, 1]"));
    CHECK_THAT(app.notices()[0], Catch::EndsWith("; kept 0.2"));
    CHECK(app.selectView("curves"));
    CHECK(app.state()["theta"] == 0.2);  // not 1
    CHECK_FALSE(app.setParam("curves", "no-such", Json(1)));
    CHECK_FALSE(app.setParam("no-such-view", "theta", Json(0.1)));
    CHECK(app.go("overview"));
    CHECK(std::string(app.currentViewName()) == "overview");
    for (int i = 0; i < 2; ++i) gui.frame([&] { app.frame(1280, 800); });
}
