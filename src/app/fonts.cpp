#include "app/fonts.h"

#include <imgui.h>

#include <cstddef>

extern const unsigned char slingshot_embedded_font[];
extern const std::size_t slingshot_embedded_font_size;

namespace slingshot::app {

namespace {
constexpr float kBaseSizePx = 16.0f;  // CSS pixels at ui_scale 1

// Latin, Greek (theta, alpha, beta...), super/subscripts, arrows, math operators, shapes and the
// warning sign used in labels and notices.
const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0370, 0x03FF, 0x1D00, 0x1DBF, 0x2010, 0x205E, 0x2070, 0x209F,
                           0x2190, 0x21FF, 0x2200, 0x22FF, 0x25A0, 0x25FF, 0x2600, 0x26FF, 0};
}  // namespace

void loadFonts(float pixel_ratio, float ui_scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the bytes live in the binary
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    float px = kBaseSizePx * ui_scale * pixel_ratio;
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(slingshot_embedded_font),
                                   static_cast<int>(slingshot_embedded_font_size), px, &cfg, kRanges);
    io.Fonts->Build();
    // Rasterised in device pixels, laid out in CSS pixels.
    io.FontGlobalScale = 1.0f / pixel_ratio;
}

}  // namespace slingshot::app
