#include "app/keyboard_help.h"

#include <imgui.h>
#include <imgui_internal.h>  // NavWindow: Escape inside a panel first returns to the page's window

#include <algorithm>

namespace slingshot::app {
namespace {

struct KeyRow {
    const char* keys;
    const char* action;
};

// What ImGui's keyboard navigation does (NavEnableKeyboard), in the reader's words.
constexpr KeyRow kKeys[] = {
    {"Tab, Shift+Tab",
     "next / previous control (a ring marks it); a slider or field reached by Tab takes a typed "
     "value: type it and press Enter"},
    {"arrow keys", "the nearest control in that direction"},
    {"Space",
     "press a button, tick a box, pick a radio choice or open a list; on a slider reached by the arrow "
     "keys, start adjusting it"},
    {"\u2190 \u2192 while adjusting", "change the value (with Shift faster, with Ctrl finer); Space again to finish"},
    {"Enter", "type a value into the slider or field with the ring; Enter again applies it"},
    {"Esc", "cancel typing or adjusting, close a list or this help; with nothing to close, leave the figure"},
    {"? or F1", "this help"},
};

bool typedQuestionMark() {
    const ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i)
        if (io.InputQueueCharacters[i] == '?') return true;
    return false;
}

}  // namespace

void KeyboardHelp::frame() {
    const ImGuiIO& io = ImGui::GetIO();
    const bool was_open = open_;
    if (!io.WantTextInput && (typedQuestionMark() || ImGui::IsKeyPressed(ImGuiKey_F1, false))) open_ = true;
    leave_ = ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !busy_last_frame_ && !open_;
    if (open_) {
        const float fs = ImGui::GetFontSize();
        const ImVec2 display = io.DisplaySize;
        ImGui::SetNextWindowPos(ImVec2(display.x / 2, display.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(std::min(display.x - fs, fs * 36), 0));
        if (!was_open) ImGui::SetNextWindowFocus();
        ImGui::Begin("Keyboard", &open_,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_AlwaysAutoResize);
        if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("key", ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn("does", ImGuiTableColumnFlags_WidthStretch, 2.2f);
            for (const KeyRow& row : kKeys) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", row.keys);
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", row.action);
            }
            ImGui::EndTable();
        }
        if (ImGui::Button("Close") || (was_open && ImGui::IsKeyPressed(ImGuiKey_Escape, false))) open_ = false;
        ImGui::End();
    }
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const bool in_panel = g.NavWindow && g.NavWindow != g.NavWindow->RootWindow;
    busy_last_frame_ = open_ || was_open || ImGui::IsAnyItemActive() ||
                       ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel) || in_panel;
}

}  // namespace slingshot::app
