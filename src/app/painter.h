// What the plot widget draws with: lines (solid or dashed), filled bands, rectangles, circles and
// text in screen pixels. One plot is drawn once, through this interface, onto the screen (ImGui's
// draw list) and, when it is exported, into an SVG document as well.
#pragma once

#include <imgui.h>

#include <string>
#include <utility>
#include <vector>

namespace slingshot::ui {

enum class LineStyle { Solid, Dashed, Dotted, DashDot };

// On/off lengths (pixels) of a line style, repeated along a path; empty for Solid.
inline std::vector<float> dashPattern(LineStyle style) {
    switch (style) {
        case LineStyle::Dashed: return {8, 5};
        case LineStyle::Dotted: return {2, 4};
        case LineStyle::DashDot: return {9, 4, 2, 4};
        case LineStyle::Solid: break;
    }
    return {};
}

using Polyline = std::vector<ImVec2>;

class Painter {
public:
    virtual ~Painter() = default;
    // A straight segment, solid.
    virtual void line(ImVec2 a, ImVec2 b, ImU32 colour, float width) = 0;
    // Open polylines, one per unbroken run; a dash pattern runs on along each run (not restarted at
    // its vertices) and starts anew with the next run.
    virtual void polylines(const std::vector<Polyline>& runs, ImU32 colour, float width, LineStyle style) = 0;
    // The area between two edges of equal length (low[i] and high[i] share an x), filled.
    virtual void band(const Polyline& low, const Polyline& high, ImU32 colour) = 0;
    virtual void rectFilled(ImVec2 min, ImVec2 max, ImU32 colour, float rounding = 0) = 0;
    // The outline of a rectangle, drawn half a pixel inside it as ImGui does.
    virtual void rect(ImVec2 min, ImVec2 max, ImU32 colour, float rounding = 0, float width = 1) = 0;
    virtual void circleFilled(ImVec2 centre, float radius, ImU32 colour) = 0;
    virtual void circle(ImVec2 centre, float radius, ImU32 colour, int segments, float width) = 0;
    // One line of text in the current ImGui font, `top_left` being the top of its line box.
    virtual void text(ImVec2 top_left, ImU32 colour, const std::string& text) = 0;
    // Drawing between these is clipped to the rectangle (nested clips intersect).
    virtual void pushClip(ImVec2 min, ImVec2 max) = 0;
    virtual void popClip() = 0;
    // What is drawn until endGroup belongs together (one series, the legend, the axes): the SVG
    // writer makes it a <g> with these attributes (data-series="name", …); the screen ignores it.
    virtual void beginGroup(const std::vector<std::pair<std::string, std::string>>& attributes) { (void)attributes; }
    virtual void endGroup() {}
};

// Draws through two painters at once: the screen and an SVG recorder of the same frame.
class TeePainter : public Painter {
public:
    TeePainter(Painter& a, Painter& b) : a_(a), b_(b) {}
    void line(ImVec2 p, ImVec2 q, ImU32 c, float w) override { a_.line(p, q, c, w), b_.line(p, q, c, w); }
    void polylines(const std::vector<Polyline>& r, ImU32 c, float w, LineStyle s) override {
        a_.polylines(r, c, w, s), b_.polylines(r, c, w, s);
    }
    void band(const Polyline& lo, const Polyline& hi, ImU32 c) override { a_.band(lo, hi, c), b_.band(lo, hi, c); }
    void rectFilled(ImVec2 p, ImVec2 q, ImU32 c, float r) override {
        a_.rectFilled(p, q, c, r), b_.rectFilled(p, q, c, r);
    }
    void rect(ImVec2 p, ImVec2 q, ImU32 c, float r, float w) override {
        a_.rect(p, q, c, r, w), b_.rect(p, q, c, r, w);
    }
    void circleFilled(ImVec2 p, float r, ImU32 c) override { a_.circleFilled(p, r, c), b_.circleFilled(p, r, c); }
    void circle(ImVec2 p, float r, ImU32 c, int n, float w) override {
        a_.circle(p, r, c, n, w), b_.circle(p, r, c, n, w);
    }
    void text(ImVec2 p, ImU32 c, const std::string& t) override { a_.text(p, c, t), b_.text(p, c, t); }
    void pushClip(ImVec2 p, ImVec2 q) override { a_.pushClip(p, q), b_.pushClip(p, q); }
    void popClip() override { a_.popClip(), b_.popClip(); }
    void beginGroup(const std::vector<std::pair<std::string, std::string>>& attrs) override {
        a_.beginGroup(attrs), b_.beginGroup(attrs);
    }
    void endGroup() override { a_.endGroup(), b_.endGroup(); }

private:
    Painter &a_, &b_;
};

}  // namespace slingshot::ui
