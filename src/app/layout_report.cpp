#include "app/layout_report.h"

#include "app/clipped_text.h"
#include "app/plot.h"

#include <imgui_internal.h>  // NavWindow, NavRectRel: where the keyboard focus is

namespace slingshot::app {
namespace {

Json rect(ImVec2 a, ImVec2 b) { return Json::array({a.x, a.y, b.x, b.y}); }

}  // namespace

Json layoutReport(const App& app, const ImDrawData& draw_data) {
    const ImGuiIO& io = ImGui::GetIO();
    Json plots = Json::array();
    for (const std::string& id : app.shownPlotIds()) {
        const char* c = id.c_str();
        if (!ui::plotBegunThisFrame(c)) continue;
        Json p = {{"id", id}};
        ImVec2 a, b;
        if (ui::plotRect(c, &a, &b)) p["frame"] = rect(a, b);
        if (ui::plotDataRect(c, &a, &b)) p["data"] = rect(a, b);
        p["legend"] = ui::plotLegendRect(c, &a, &b) ? rect(a, b) : Json();
        Json labels = Json::array();
        for (const ui::PlotLabel& l : ui::plotLabels(c))
            labels.push_back({{"text", l.text}, {"rect", rect(l.min, l.max)}, {"dropped", l.dropped}});
        p["labels"] = std::move(labels);
        plots.push_back(std::move(p));
    }
    Json clipped = Json::array();
    for (const ClippedText& t : clippedText(draw_data, *io.Fonts)) {
        Json edges = Json::array();
        if (t.left) edges.push_back("left");
        if (t.right) edges.push_back("right");
        if (t.top) edges.push_back("top");
        if (t.bottom) edges.push_back("bottom");
        clipped.push_back({{"text", t.text},
                           {"window", t.window},
                           {"rect", rect(t.min, t.max)},
                           {"clip", Json::array({t.clip.x, t.clip.y, t.clip.z, t.clip.w})},
                           {"edges", std::move(edges)}});
    }
    Json focus;  // the keyboard's item: its window and rectangle, when the keyboard has one
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.NavWindow && g.NavId != 0) {
        const ImRect r = g.NavWindow->NavRectRel[0];
        const ImVec2 at = g.NavWindow->Pos;
        const ImVec2 scroll = g.NavWindow->Scroll;
        focus = {{"window", g.NavWindow->Name},
                 {"rect", rect(ImVec2(r.Min.x + at.x - scroll.x, r.Min.y + at.y - scroll.y),
                               ImVec2(r.Max.x + at.x - scroll.x, r.Max.y + at.y - scroll.y))},
                 {"active", g.ActiveId != 0 && g.ActiveId == g.NavId}};
    }
    return {{"focus", std::move(focus)},      {"frame_height", ImGui::GetFrameHeight()},
            {"width", io.DisplaySize.x},      {"height", io.DisplaySize.y},
            {"compact", app.compactLayout()}, {"embed", app.embedded()},
            {"plots", std::move(plots)},      {"clipped", std::move(clipped)}};
}

}  // namespace slingshot::app
