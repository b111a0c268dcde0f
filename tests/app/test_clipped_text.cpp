// Clipped-text report: text cut by a window's edge, by a fine-clipped button and by a pushed clip
// rectangle is found with its text and edge; text that fits, or that a window scrolls to, is not.
#include "app/clipped_text.h"
#include "imgui_fixture.h"

#include <catch2/catch.hpp>

#include <functional>

using slingshot::app::ClippedText;
using slingshot::app::clippedText;

namespace {

// Two frames (the first lays a new window out), then the report of the second.
std::vector<ClippedText> reportOf(const std::function<void()>& draw) {
    slingshot::test::HeadlessImGui imgui(800, 600);
    for (int i = 0; i < 2; ++i) imgui.frame(draw);
    return clippedText(*ImGui::GetDrawData(), *ImGui::GetIO().Fonts);
}

void fixedWindow(const char* name, ImVec2 size, ImGuiWindowFlags flags, const std::function<void()>& body) {
    ImGui::SetNextWindowPos(ImVec2(10, 10));
    ImGui::SetNextWindowSize(size);
    ImGui::Begin(name, nullptr, ImGuiWindowFlags_NoDecoration | flags);
    body();
    ImGui::End();
}

}  // namespace

TEST_CASE("clipped text: nothing is reported when every line fits", "[app][clipped]") {
    const auto report = reportOf([] {
        fixedWindow("fits", ImVec2(400, 200), 0, [] {
            ImGui::TextUnformatted("a short line");
            ImGui::Button("OK");
            ImGui::TextWrapped("a long paragraph that wraps inside the window instead of running past its right edge");
        });
    });
    CHECK(report.empty());
}

TEST_CASE("clipped text: a line past a window's right edge is reported with its visible text", "[app][clipped]") {
    const auto report = reportOf([] {
        fixedWindow("narrow", ImVec2(160, 200), 0, [] {
            ImGui::TextUnformatted("fits");
            ImGui::TextUnformatted("this line is far too long for a window this narrow");
        });
    });
    REQUIRE(report.size() == 1);
    const ClippedText& t = report[0];
    CHECK(t.window == "narrow");
    CHECK(t.right);
    CHECK_FALSE(t.left);
    CHECK_FALSE(t.top);
    CHECK_FALSE(t.bottom);
    CHECK(t.text.rfind("this line is", 0) == 0);
    CHECK(t.text.size() < std::string("this line is far too long for a window this narrow").size());
    CHECK(t.max.x > t.clip.z);
}

TEST_CASE("clipped text: a button narrower than its label (cut on the CPU) is reported", "[app][clipped]") {
    const auto report = reportOf([] {
        fixedWindow("button", ImVec2(400, 200), 0,
                    [] { ImGui::Button("a label much wider than its button", ImVec2(60, 0)); });
    });
    REQUIRE(report.size() == 1);
    CHECK(report[0].right);
    CHECK(report[0].text.rfind("a label", 0) == 0);
}

TEST_CASE("clipped text: a cut at the bottom counts only where the window cannot scroll to it", "[app][clipped]") {
    auto lines = [] {
        for (int i = 0; i < 40; ++i) ImGui::Text("line %d of a long list", i);
    };
    SECTION("a scrolling window: the lines below are reached by scrolling") {
        CHECK(reportOf([&] { fixedWindow("scrolls", ImVec2(300, 107), 0, lines); }).empty());
    }
    SECTION("text cut by a pushed clip rectangle inside a scrolling window is still reported") {
        const auto report = reportOf([&] {
            fixedWindow("box", ImVec2(300, 300), 0, [&] {
                lines();
                ImDrawList* dl = ImGui::GetWindowDrawList();
                dl->PushClipRect(ImVec2(20, 20), ImVec2(70, 200), true);
                dl->AddText(ImVec2(25, 30), 0xffffffff, "a title cut by its box");
                dl->PopClipRect();
            });
        });
        REQUIRE(report.size() == 1);
        CHECK(report[0].right);
        CHECK(report[0].text.rfind("a ti", 0) == 0);
    }
    SECTION("a window that cannot scroll cuts its last line") {
        const auto report = reportOf([&] {
            fixedWindow("fixed", ImVec2(300, 100), ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar,
                        [] {
                            ImGui::TextUnformatted("one");
                            ImGui::TextUnformatted("two");
                            ImGui::TextUnformatted("three");
                            ImGui::TextUnformatted("four");
                            ImGui::TextUnformatted("five");
                            ImGui::TextUnformatted("six");
                            ImGui::TextUnformatted("seven");
                        });
        });
        bool bottom = false;
        for (const ClippedText& t : report) bottom |= t.bottom;
        CHECK(bottom);
    }
}

TEST_CASE("clipped text: words of one line come back with their spaces", "[app][clipped]") {
    const auto report = reportOf([] {
        fixedWindow("words", ImVec2(120, 100), 0, [] { ImGui::TextUnformatted("ab cd efghijklmnopqrstuvwxyz"); });
    });
    REQUIRE(report.size() == 1);
    CHECK(report[0].text.rfind("ab cd efgh", 0) == 0);
}
