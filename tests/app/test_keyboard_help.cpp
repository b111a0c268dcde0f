// The keyboard help: "?" or F1 opens it unless a field is being typed into, Escape closes it, and an
// Escape with nothing left to close asks to give the keyboard back to the page.
#include "app/keyboard_help.h"
#include "imgui_fixture.h"

#include <imgui_internal.h>

#include <catch2/catch.hpp>

using slingshot::app::KeyboardHelp;

namespace {

struct Page {
    slingshot::test::HeadlessImGui gui{800, 600};
    KeyboardHelp help;
    bool field_active = false;
    bool leave = false;
    char text[32] = "";

    void frame() {
        gui.frame([&] {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImVec2(800, 600));
            ImGui::Begin("page", nullptr, ImGuiWindowFlags_NoDecoration);
            if (field_active && ImGui::GetFrameCount() == 1) ImGui::SetKeyboardFocusHere();
            ImGui::InputText("field", text, sizeof text);
            ImGui::End();
            help.frame();
            leave = help.leaveRequested();
        });
    }
    void press(ImGuiKey key) {
        ImGui::GetIO().AddKeyEvent(key, true);
        frame();
        ImGui::GetIO().AddKeyEvent(key, false);
        frame();
    }
    bool helpDrawn() {
        ImGuiWindow* w = ImGui::FindWindowByName("Keyboard");
        return w && w->Active;
    }
};

}  // namespace

TEST_CASE("keyboard help: a typed question mark opens it and Escape closes it", "[app][keyboard]") {
    Page p;
    p.frame();
    CHECK_FALSE(p.help.isOpen());
    ImGui::GetIO().AddInputCharacter('?');
    p.frame();
    CHECK(p.help.isOpen());
    p.frame();
    CHECK(p.helpDrawn());
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, true);
    p.frame();
    CHECK_FALSE(p.help.isOpen());
    CHECK_FALSE(p.leave);  // this Escape closed the help; it does not also leave the figure
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, false);
    p.frame();
}

TEST_CASE("keyboard help: F1 opens it too", "[app][keyboard]") {
    Page p;
    p.frame();
    p.press(ImGuiKey_F1);
    CHECK(p.help.isOpen());
}

TEST_CASE("keyboard help: a question mark typed into a field stays in the field", "[app][keyboard]") {
    Page p;
    p.field_active = true;
    for (int i = 0; i < 3; ++i) p.frame();
    REQUIRE(ImGui::GetIO().WantTextInput);
    ImGui::GetIO().AddInputCharacter('?');
    p.frame();
    CHECK_FALSE(p.help.isOpen());
    CHECK(std::string(p.text) == "?");
}

TEST_CASE("keyboard help: Escape with nothing to close gives the keyboard back", "[app][keyboard]") {
    Page p;
    p.frame();
    p.frame();
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, true);
    p.frame();
    CHECK(p.leave);
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, false);
    p.frame();
    CHECK_FALSE(p.leave);
}
