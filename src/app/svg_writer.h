// A painter that writes an SVG document: the same plot the screen shows, as vector shapes and
// selectable text, in pixels relative to the plot's top-left corner.
#pragma once

#include "app/painter.h"

#include <string>

namespace slingshot::ui {

// How ImGui's font maps onto SVG text: ImGui sizes a font by its line height (ascent + descent),
// CSS by its em.
struct SvgFont {
    float em_px = 13.7f;      // CSS font-size
    float ascent_px = 12.0f;  // baseline below the top of a line box
};

// What the document says about itself: <title>, <desc>, and <metadata> (text, e.g. a JSON object).
struct SvgDocumentInfo {
    std::string title, description, metadata;
};

// Text as XML character data or attribute value: & < > " ' escaped, control characters XML 1.0
// cannot hold dropped.
std::string xmlEscape(const std::string& text);
// A coordinate or length in pixels, to 0.001 px, without trailing zeros ("12.5", "-3", "0").
std::string svgNumber(double px);
// "8 5" for a dash pattern; empty for Solid.
std::string svgDashArray(LineStyle style);

class SvgWriter : public Painter {
public:
    // `origin` (screen pixels) becomes (0, 0); the document is `size` pixels, on `background`.
    SvgWriter(ImVec2 origin, ImVec2 size, SvgFont font, ImU32 background, SvgDocumentInfo info);
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
    void beginGroup(const std::vector<std::pair<std::string, std::string>>& attributes) override;
    void endGroup() override;
    // The whole document (groups and clips left open are closed).
    std::string finish();

private:
    std::string x(float screen_x) const;
    std::string y(float screen_y) const;
    std::string point(ImVec2 p) const;
    void open(const std::string& element);
    ImVec2 origin_, size_;
    SvgFont font_;
    SvgDocumentInfo info_;
    std::string body_;
    int depth_ = 0;  // open <g> elements (groups and clips)
    int clips_ = 0;  // clip paths defined so far, for their ids
};

}  // namespace slingshot::ui
