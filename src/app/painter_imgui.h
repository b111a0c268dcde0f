// The painter of the screen: ImGui's draw list of the current window.
#pragma once

#include "app/painter.h"

namespace slingshot::ui {

class ImGuiPainter : public Painter {
public:
    explicit ImGuiPainter(ImDrawList* dl) : dl_(dl) {}
    void line(ImVec2 a, ImVec2 b, ImU32 colour, float width) override;
    void polylines(const std::vector<Polyline>& runs, ImU32 colour, float width, LineStyle style) override;
    void band(const Polyline& low, const Polyline& high, ImU32 colour) override;
    void rectFilled(ImVec2 min, ImVec2 max, ImU32 colour, float rounding) override;
    void rect(ImVec2 min, ImVec2 max, ImU32 colour, float rounding, float width) override;
    void circleFilled(ImVec2 centre, float radius, ImU32 colour) override;
    void circle(ImVec2 centre, float radius, ImU32 colour, int segments, float width) override;
    void text(ImVec2 top_left, ImU32 colour, const std::string& text) override;
    void pushClip(ImVec2 min, ImVec2 max) override;
    void popClip() override;

private:
    ImDrawList* dl_;
};

}  // namespace slingshot::ui
