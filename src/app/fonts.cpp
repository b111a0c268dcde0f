#include "app/fonts.h"

#include <imgui.h>

#include <cstddef>

extern const unsigned char slingshot_embedded_font[];
extern const std::size_t slingshot_embedded_font_size;
// The characters the sources print, as ImGui glyph ranges (generated with the font subset).
extern const unsigned short slingshot_glyph_ranges[];

namespace slingshot::app {

namespace {
constexpr float kBaseSizePx = 16.0f;  // CSS pixels at ui_scale 1

static_assert(sizeof(ImWchar) == sizeof(unsigned short), "the generated glyph ranges are 16-bit");
}  // namespace

const ImWchar* glyphRanges() { return reinterpret_cast<const ImWchar*>(slingshot_glyph_ranges); }

void loadFonts(float pixel_ratio, float ui_scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the bytes live in the binary
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    float px = kBaseSizePx * ui_scale * pixel_ratio;
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(slingshot_embedded_font),
                                   static_cast<int>(slingshot_embedded_font_size), px, &cfg, glyphRanges());
    io.Fonts->Build();
    // Rasterised in device pixels, laid out in CSS pixels.
    io.FontGlobalScale = 1.0f / pixel_ratio;
}

}  // namespace slingshot::app
