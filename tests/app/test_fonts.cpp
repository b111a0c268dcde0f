// The embedded font subset holds a glyph for every character the sources print, and the scan that
// chose them reads both raw UTF-8 and \u escapes.
#include "app/fonts.h"
#include "imgui_fixture.h"

#include <catch2/catch.hpp>

#include <set>

using namespace slingshot;

namespace {

std::set<unsigned> rangeCharacters() {
    std::set<unsigned> chars;
    for (const ImWchar* r = app::glyphRanges(); r[0]; r += 2)
        for (unsigned c = r[0]; c <= r[1]; ++c) chars.insert(c);
    return chars;
}

}  // namespace

TEST_CASE("fonts: every character of the glyph ranges has a glyph in the embedded subset", "[app][fonts]") {
    test::HeadlessImGui gui;
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    const std::set<unsigned> chars = rangeCharacters();
    int missing = 0;
    for (unsigned c : chars) {
        if (c == 0xA0 || (c >= 0x7F && c < 0xA0)) continue;  // no-break space and controls draw nothing
        if (!font->FindGlyphNoFallback(ImWchar(c))) {
            ++missing;
            UNSCOPED_INFO("no glyph for U+" << std::hex << c);
        }
    }
    CHECK(missing == 0);
    // Written raw in the sources (θ, ≥), as escapes (μ \u03bc, the Zipf label's superscript s \u02e2,
    // the notice sign \u26a0), and the combining macron of d̄.
    for (unsigned c : {0x03B8u, 0x2265u, 0x03BCu, 0x02E2u, 0x26A0u, 0x0304u}) {
        INFO("U+" << std::hex << c);
        CHECK(chars.count(c) == 1);
    }
    // Printable ASCII and Latin-1 are always there, for what a reader types.
    for (unsigned c = 0x20; c < 0x7F; ++c) CHECK(chars.count(c) == 1);
    CHECK(chars.count(0xE9) == 1);
    CHECK(chars.count(0x4E2D) == 0);  // and nothing the sources never print
}
