#include "app/fonts.h"

#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <cstring>

extern const unsigned char slingshot_embedded_font[];
extern const std::size_t slingshot_embedded_font_size;
// The characters the sources print, as ImGui glyph ranges (generated with the font subset).
extern const unsigned short slingshot_glyph_ranges[];

namespace slingshot::app {

namespace {
constexpr float kBaseSizePx = 16.0f;  // CSS pixels at ui_scale 1

static_assert(sizeof(ImWchar) == sizeof(unsigned short), "the generated glyph ranges are 16-bit");

// Big-endian integers of a TrueType file.
unsigned u16(const unsigned char* p) { return (unsigned(p[0]) << 8) | p[1]; }
int s16(const unsigned char* p) { return static_cast<int16_t>(u16(p)); }
uint32_t u32(const unsigned char* p) { return (uint32_t(u16(p)) << 16) | u16(p + 2); }

// The table `tag` of the embedded font, or null.
const unsigned char* fontTable(const char* tag, std::size_t min_length) {
    const unsigned char* f = slingshot_embedded_font;
    if (slingshot_embedded_font_size < 12) return nullptr;
    const unsigned tables = u16(f + 4);
    for (unsigned i = 0; i < tables && 12 + 16 * (i + 1) <= slingshot_embedded_font_size; ++i) {
        const unsigned char* record = f + 12 + 16 * i;
        const uint32_t offset = u32(record + 8), length = u32(record + 12);
        if (std::memcmp(record, tag, 4) == 0 && length >= min_length && offset + length <= slingshot_embedded_font_size)
            return f + offset;
    }
    return nullptr;
}
}  // namespace

float fontEmPerLineHeight() {
    static const float ratio = [] {
        const unsigned char* head = fontTable("head", 20);
        const unsigned char* hhea = fontTable("hhea", 8);
        const int units_per_em = head ? static_cast<int>(u16(head + 18)) : 0;
        const int height = hhea ? s16(hhea + 4) - s16(hhea + 6) : 0;
        // DejaVu Sans: 2048 / (1901 + 483)
        return units_per_em > 0 && height > 0 ? float(units_per_em) / float(height) : 2048.0f / 2384.0f;
    }();
    return ratio;
}

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
