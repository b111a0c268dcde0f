#include "app/painter_imgui.h"

#include <algorithm>
#include <cmath>

namespace slingshot::ui {

void ImGuiPainter::line(ImVec2 a, ImVec2 b, ImU32 colour, float width) { dl_->AddLine(a, b, colour, width); }

// ImGui has no dashed lines: a dashed run is drawn as its dashes, each a segment of its own.
void ImGuiPainter::polylines(const std::vector<Polyline>& runs, ImU32 colour, float width, LineStyle style) {
    const std::vector<float> pattern = dashPattern(style);
    for (const Polyline& pts : runs) {
        if (pts.size() < 2) continue;
        if (pattern.empty()) {
            dl_->AddPolyline(pts.data(), static_cast<int>(pts.size()), colour, ImDrawFlags_None, width);
            continue;
        }
        size_t part = 0;          // index into pattern: even = drawn, odd = gap
        float left = pattern[0];  // length left in the current part
        for (size_t i = 1; i < pts.size(); ++i) {
            ImVec2 a = pts[i - 1], b = pts[i];
            float dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy), t = 0;
            while (t < len) {
                float step = std::min(len - t, left);
                if (part % 2 == 0)
                    dl_->AddLine(ImVec2(a.x + dx * t / len, a.y + dy * t / len),
                                 ImVec2(a.x + dx * (t + step) / len, a.y + dy * (t + step) / len), colour, width);
                t += step;
                left -= step;
                if (left <= 0) {
                    part = (part + 1) % pattern.size();
                    left = pattern[part];
                }
            }
        }
    }
}

// A quad per step, without anti-aliased fill: the fringes of neighbouring quads would overlap and
// show as stripes.
void ImGuiPainter::band(const Polyline& low, const Polyline& high, ImU32 colour) {
    const ImDrawListFlags saved_flags = dl_->Flags;
    dl_->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    for (size_t i = 1; i < low.size() && i < high.size(); ++i)
        dl_->AddQuadFilled(low[i - 1], low[i], high[i], high[i - 1], colour);
    dl_->Flags = saved_flags;
}

void ImGuiPainter::rectFilled(ImVec2 min, ImVec2 max, ImU32 colour, float rounding) {
    dl_->AddRectFilled(min, max, colour, rounding);
}

void ImGuiPainter::rect(ImVec2 min, ImVec2 max, ImU32 colour, float rounding, float width) {
    dl_->AddRect(min, max, colour, rounding, ImDrawFlags_None, width);
}

void ImGuiPainter::circleFilled(ImVec2 centre, float radius, ImU32 colour) {
    dl_->AddCircleFilled(centre, radius, colour);
}

void ImGuiPainter::circle(ImVec2 centre, float radius, ImU32 colour, int segments, float width) {
    dl_->AddCircle(centre, radius, colour, segments, width);
}

void ImGuiPainter::text(ImVec2 top_left, ImU32 colour, const std::string& text) {
    dl_->AddText(top_left, colour, text.c_str());
}

void ImGuiPainter::pushClip(ImVec2 min, ImVec2 max) { dl_->PushClipRect(min, max, true); }

void ImGuiPainter::popClip() { dl_->PopClipRect(); }

}  // namespace slingshot::ui
