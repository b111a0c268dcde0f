// Text the last frame drew cut at the edge of its clip rectangle: for the phone and embed tests, and
// Slingshot.clippedText() in the page. It reads the frame's draw data, so it sees every text drawn,
// by ImGui's widgets and by ours, without their cooperation.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace slingshot::app {

struct ClippedText {
    std::string text;    // the line's visible glyphs (a space where the gap is wide)
    std::string window;  // the ImGui window that drew it
    ImVec2 min, max;     // the line's glyph quads as drawn (screen pixels, before the GPU's scissor)
    ImVec4 clip;         // the clip rectangle that cut it (x0, y0, x1, y1)
    bool left = false, right = false, top = false, bottom = false;  // which edges cut it
};

// A glyph counts as cut when its quad reaches past the clip rectangle (the GPU's scissor cuts it) or
// when its texture coordinates were narrowed (ImGui cut it on the CPU, as buttons do). Cuts at the
// top or bottom of a window that scrolls vertically are not reported (scrolling reaches that text).
// Glyphs ImGui skipped entirely (wholly outside the rectangle) are not seen: a line running past an
// edge is caught by the glyph that straddles it, and missed when a space straddles it.
std::vector<ClippedText> clippedText(const ImDrawData& draw_data, const ImFontAtlas& fonts);

}  // namespace slingshot::app
