// The embedded TTF (from a Debian font package, cut down at build time to the characters the sources
// print), rasterised at the screen's pixel ratio so text stays crisp on HiDPI screens and projectors.
#pragma once

#include <imgui.h>

namespace slingshot::app {

// Pairs of first and last character, 0-terminated: printable ASCII, Latin-1 and every character the
// sources write (cmake/font_subset.py); the atlas holds exactly these.
const ImWchar* glyphRanges();

// Rebuilds the font atlas for `pixel_ratio` (device pixels per CSS pixel) and `ui_scale`
// (1..3, for slides). The caller must re-upload the atlas texture afterwards.
void loadFonts(float pixel_ratio, float ui_scale);

// The embedded font's em over the line height ImGui sizes it by (hhea ascender - descender, as
// stb_truetype scales): a font drawn `h` pixels high in ImGui is CSS font-size h * this.
float fontEmPerLineHeight();

}  // namespace slingshot::app
