// An ImGui context without a window or GPU, with the page's font at 1x: the app's drawing code runs
// exactly as in the page (the CLI's figures, the app tests).
#pragma once

#include <imgui.h>

namespace slingshot::app {

class HeadlessImGui {
public:
    explicit HeadlessImGui(float width = 1280, float height = 800);
    ~HeadlessImGui();
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;
    // One frame: `draw` between NewFrame and Render.
    template <class F>
    void frame(F&& draw) {
        ImGui::NewFrame();
        draw();
        ImGui::Render();
    }
};

}  // namespace slingshot::app
