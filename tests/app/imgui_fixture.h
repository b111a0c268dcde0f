// Runs ImGui frames without a window or GPU: the app's drawing code executes exactly as in the page.
#pragma once

#include "app/fonts.h"

#include <imgui.h>

namespace slingshot::test {

struct HeadlessImGui {
    HeadlessImGui(float width = 1280, float height = 800) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        app::loadFonts(1.0f, 1.0f);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // marks the atlas as built
    }
    ~HeadlessImGui() { ImGui::DestroyContext(); }
    template <class F>
    void frame(F&& draw) {
        ImGui::NewFrame();
        draw();
        ImGui::Render();
    }
};

}  // namespace slingshot::test
