// The series colours stay apart for the common colour-vision deficiencies: each slot of the palette
// (src/app/plot.cpp), on the light and the dark theme, through the simulation of Machado, Oliveira &
// Fernandes (2009) at full severity (protanopia, deuteranopia, tritanopia; linear-RGB matrices), then
// CIELAB (D65). The smallest CIE76 distance between any two series colours must stay at least 15
// (about 7 just-noticeable differences; measured 16.1, tritan, light and dark). Lines also differ by
// dash style and are labelled, so colour is never the only cue.
#include "app/plot.h"
#include "imgui_fixture.h"

#include <catch2/catch.hpp>

#include <array>
#include <cmath>

using namespace slingshot;

namespace {

using Matrix = std::array<std::array<double, 3>, 3>;
constexpr Matrix kProtan = {
    {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}};
constexpr Matrix kDeutan = {
    {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}};
constexpr Matrix kTritan = {
    {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}};

double linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

std::array<double, 3> labAfter(ImU32 colour, const Matrix& m) {
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(colour);
    const double in[3] = {linear(c.x), linear(c.y), linear(c.z)};
    double rgb[3];
    for (int i = 0; i < 3; ++i) rgb[i] = std::clamp(m[i][0] * in[0] + m[i][1] * in[1] + m[i][2] * in[2], 0.0, 1.0);
    const double X = 0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2];
    const double Y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    const double Z = 0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2];
    auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
    const double fx = f(X / 0.95047), fy = f(Y), fz = f(Z / 1.08883);
    return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

double smallestDistance(const Matrix& m) {
    double best = 1e9;
    const int series = ui::PlotColour::Foreground;  // the coloured slots; Foreground is black or white
    for (int a = 0; a < series; ++a)
        for (int b = a + 1; b < series; ++b) {
            const auto p = labAfter(ui::paletteColor(a), m), q = labAfter(ui::paletteColor(b), m);
            best = std::min(best, std::hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]));
        }
    return best;
}

}  // namespace

TEST_CASE("palette: series colours stay apart under protanopia, deuteranopia and tritanopia", "[app][palette]") {
    test::HeadlessImGui gui;
    for (bool dark : {false, true}) {
        if (dark)
            ImGui::StyleColorsDark();
        else
            ImGui::StyleColorsLight();
        for (const Matrix* m : {&kProtan, &kDeutan, &kTritan}) {
            INFO((dark ? "dark" : "light") << " theme, matrix "
                                           << (m == &kProtan   ? "protan"
                                               : m == &kDeutan ? "deutan"
                                                               : "tritan"));
            CHECK(smallestDistance(*m) >= 15.0);
        }
    }
}
