// Recording a clip: the app plays the view over N from the start while the host records, and stops
// the recording when the play ends.
#include "app/app.h"
#include "app/host.h"
#include "imgui_fixture.h"
#include "query/url_query.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace slingshot;

namespace {

class ClipHost : public app::NullHost {
public:
    std::string startRecording(const std::string& filename) override {
        started.push_back(filename);
        return refuse;
    }
    void stopRecording() override { ++stopped; }
    std::vector<std::string> started;
    int stopped = 0;
    std::string refuse;  // what startRecording answers
};

}  // namespace

TEST_CASE("clip: the Stimulus view plays from the start of its range while it records", "[app][clip]") {
    test::HeadlessImGui gui;  // frames of 1/60 s
    ClipHost host;
    app::App app(&host);
    // 8 decades (1e9 .. 1e17) at 8 decades per second: one second of play.
    REQUIRE(app.applyQuery(parseQueryString("?view=stimulus&n=1e15&speed=8")).empty());
    gui.frame([&] { app.frame(1280, 800); });
    REQUIRE(app.recordClip().empty());
    CHECK(host.started == std::vector<std::string>{"slingshot-stimulus-clip.webm"});
    CHECK(app.recordingClip());
    CHECK_FALSE(app.recordClip().empty());  // one clip at a time
    gui.frame([&] { app.frame(1280, 800); });
    CHECK(app.state()["n"].get<double>() == 1e9);  // the clip starts at the range's start
    CHECK(app.state()["play"] == "on");
    int frames = 0;
    while (app.recordingClip() && ++frames < 600) gui.frame([&] { app.frame(1280, 800); });
    CHECK(host.stopped == 1);
    CHECK(frames == Approx(61).margin(2));  // about one second of frames
    CHECK(app.state()["n"].get<double>() == 1e17);
    CHECK(app.state()["play"] == "paused");
}

TEST_CASE("clip: pausing stops the recording, and views without a player or pages that cannot record say why",
          "[app][clip]") {
    test::HeadlessImGui gui;
    ClipHost host;
    app::App app(&host);
    REQUIRE(app.applyQuery(parseQueryString("?view=overview")).empty());
    gui.frame([&] { app.frame(1280, 800); });
    REQUIRE(app.recordClip().empty());
    gui.frame([&] { app.frame(1280, 800); });
    REQUIRE(app.applyQuery(parseQueryString("?view=overview&play=paused")).empty());
    gui.frame([&] { app.frame(1280, 800); });
    CHECK_FALSE(app.recordingClip());
    CHECK(host.stopped == 1);

    REQUIRE(app.applyQuery(parseQueryString("?view=curves")).empty());
    CHECK(app.recordClip().find("nothing to play") != std::string::npos);
    host.refuse = "this browser cannot record the canvas (no MediaRecorder)";
    REQUIRE(app.applyQuery(parseQueryString("?view=emergence&sim=off")).empty());
    CHECK(app.recordClip() == host.refuse);
    CHECK_FALSE(app.recordingClip());
    app::NullHost none;
    app::App bare(&none);
    REQUIRE(bare.applyQuery(parseQueryString("?view=emergence&sim=off")).empty());
    CHECK_FALSE(bare.recordClip().empty());
}
