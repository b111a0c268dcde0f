// Drives one view (update, controls, main) inside a full-window ImGui window, as the app does.
#pragma once

#include "app/plot.h"
#include "app/view.h"
#include "imgui_fixture.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace slingshot::test {

inline void drawView(HeadlessImGui& gui, app::View& view, float w = 1280, float h = 800) {
    gui.frame([&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(w, h));
        ImGui::Begin("view", nullptr, ImGuiWindowFlags_NoDecoration);
        view.update();
        ImGui::BeginChild("controls", ImVec2(w * 0.3f, 0), true);
        view.controls();
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("main", ImVec2(0, 0), false);
        view.main();
        ImGui::EndChild();
        ImGui::End();
    });
}

// The series `name` of plot `plot` as drawn last frame; throws if there is none.
inline const ui::PlotSeries& series(const char* plot, const std::string& name) {
    for (const auto& s : ui::plotSeries(plot))
        if (s.name == name) return s;
    throw std::runtime_error(std::string("no series '") + name + "' in " + plot);
}

inline app::ParamBinding binding(app::View& view, const std::string& name) {
    for (auto& b : view.bindings())
        if (b.spec.name == name) return b;
    throw std::runtime_error("no binding " + name);
}

// Every finite-or-NaN value of every series of a plot; true if some value is infinite.
inline bool anyInfinite(const char* plot) {
    for (const auto& s : ui::plotSeries(plot))
        for (double v : s.y)
            if (std::isinf(v)) return true;
    return false;
}

}  // namespace slingshot::test
