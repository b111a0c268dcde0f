#include "app/svg_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace slingshot::ui {
namespace {

// "#rrggbb", and the opacity apart (SVG 1.1 has no colour with alpha).
std::string hex(ImU32 c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", (c >> IM_COL32_R_SHIFT) & 0xFF, (c >> IM_COL32_G_SHIFT) & 0xFF,
                  (c >> IM_COL32_B_SHIFT) & 0xFF);
    return buf;
}

float alpha(ImU32 c) { return static_cast<float>((c >> IM_COL32_A_SHIFT) & 0xFF) / 255.0f; }

std::string opacityAttribute(const char* name, ImU32 c) {
    if (alpha(c) >= 1.0f) return "";
    char buf[48];
    std::snprintf(buf, sizeof buf, " %s=\"%.3g\"", name, alpha(c));
    return buf;
}

std::string fill(ImU32 c) { return std::string(" fill=\"") + hex(c) + "\"" + opacityAttribute("fill-opacity", c); }

std::string stroke(ImU32 c, float width) {
    return std::string(" fill=\"none\" stroke=\"") + hex(c) + "\"" + opacityAttribute("stroke-opacity", c) +
           " stroke-width=\"" + svgNumber(width) + "\"";
}

}  // namespace

std::string xmlEscape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default:
                if (c >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') out += ch;
        }
    }
    return out;
}

std::string svgNumber(double px) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3f", px);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

std::string svgDashArray(LineStyle style) {
    std::string out;
    for (float part : dashPattern(style)) out += std::string(out.empty() ? "" : " ") + svgNumber(part);
    return out;
}

SvgWriter::SvgWriter(ImVec2 origin, ImVec2 size, SvgFont font, ImU32 background, SvgDocumentInfo info)
    : origin_(origin), size_(size), font_(font), info_(std::move(info)) {
    body_ =
        "<rect width=\"" + svgNumber(size.x) + "\" height=\"" + svgNumber(size.y) + "\"" + fill(background) + "/>\n";
}

std::string SvgWriter::x(float screen_x) const { return svgNumber(double(screen_x) - origin_.x); }
std::string SvgWriter::y(float screen_y) const { return svgNumber(double(screen_y) - origin_.y); }
std::string SvgWriter::point(ImVec2 p) const { return x(p.x) + " " + y(p.y); }

void SvgWriter::open(const std::string& element) {
    body_ += element;
    body_ += '\n';
    ++depth_;
}

// ImGui draws a segment through the centres of the pixels its ends name: half a pixel right and down.
void SvgWriter::line(ImVec2 a, ImVec2 b, ImU32 colour, float width) {
    a.x += 0.5f, a.y += 0.5f, b.x += 0.5f, b.y += 0.5f;
    body_ += std::string("<line x1=\"") + x(a.x) + "\" y1=\"" + y(a.y) + "\" x2=\"" + x(b.x) + "\" y2=\"" + y(b.y) +
             "\"" + stroke(colour, width) + "/>\n";
}

// All runs as subpaths of one path: SVG restarts the dash pattern at each subpath, as the screen does.
void SvgWriter::polylines(const std::vector<Polyline>& runs, ImU32 colour, float width, LineStyle style) {
    std::string d;
    for (const Polyline& run : runs) {
        if (run.size() < 2) continue;
        for (size_t i = 0; i < run.size(); ++i)
            d += std::string(i == 0 ? (d.empty() ? "M" : " M") : " L") + point(run[i]);
    }
    if (d.empty()) return;
    // The screen draws a dashed run as its dashes, each a segment (half a pixel right and down, as line()
    // says); the path keeps the points themselves and is moved as those segments are.
    const std::string dashes = svgDashArray(style);
    const std::string dashing =
        dashes.empty() ? "" : std::string(" stroke-dasharray=\"") + dashes + "\" transform=\"translate(0.5 0.5)\"";
    body_ +=
        std::string("<path d=\"") + d + "\"" + stroke(colour, width) + " stroke-linejoin=\"round\"" + dashing + "/>\n";
}

// One closed path: the low edge forwards, the high edge back.
void SvgWriter::band(const Polyline& low, const Polyline& high, ImU32 colour) {
    const size_t n = std::min(low.size(), high.size());
    if (n < 2) return;
    std::string d;
    for (size_t i = 0; i < n; ++i) d += std::string(i == 0 ? "M" : " L") + point(low[i]);
    for (size_t i = n; i-- > 0;) d += std::string(" L") + point(high[i]);
    body_ += std::string("<path d=\"") + d + " Z\"" + fill(colour) + "/>\n";
}

void SvgWriter::rectFilled(ImVec2 min, ImVec2 max, ImU32 colour, float rounding) {
    body_ += std::string("<rect x=\"") + x(min.x) + "\" y=\"" + y(min.y) + "\" width=\"" + svgNumber(max.x - min.x) +
             "\" height=\"" + svgNumber(max.y - min.y) + "\"" +
             (rounding > 0 ? std::string(" rx=\"") + svgNumber(rounding) + "\"" : std::string()) + fill(colour) +
             "/>\n";
}

void SvgWriter::rect(ImVec2 min, ImVec2 max, ImU32 colour, float rounding, float width) {
    body_ += std::string("<rect x=\"") + x(min.x + 0.5f) + "\" y=\"" + y(min.y + 0.5f) + "\" width=\"" +
             svgNumber(max.x - min.x - 1) + "\" height=\"" + svgNumber(max.y - min.y - 1) + "\"" +
             (rounding > 0 ? std::string(" rx=\"") + svgNumber(rounding) + "\"" : std::string()) +
             stroke(colour, width) + "/>\n";
}

void SvgWriter::circleFilled(ImVec2 centre, float radius, ImU32 colour) {
    body_ += std::string("<circle cx=\"") + x(centre.x) + "\" cy=\"" + y(centre.y) + "\" r=\"" + svgNumber(radius) +
             "\"" + fill(colour) + "/>\n";
}

// ImGui strokes an outline half a pixel inside the radius.
void SvgWriter::circle(ImVec2 centre, float radius, ImU32 colour, int, float width) {
    body_ += std::string("<circle cx=\"") + x(centre.x) + "\" cy=\"" + y(centre.y) + "\" r=\"" +
             svgNumber(radius - 0.5f) + "\"" + stroke(colour, width) + "/>\n";
}

void SvgWriter::text(ImVec2 top_left, ImU32 colour, const std::string& text) {
    if (text.empty()) return;
    body_ += std::string("<text x=\"") + x(top_left.x) + "\" y=\"" + y(top_left.y + font_.ascent_px) + "\"" +
             fill(colour) + ">" + xmlEscape(text) + "</text>\n";
}

void SvgWriter::pushClip(ImVec2 min, ImVec2 max) {
    const std::string id = std::string("clip") + std::to_string(++clips_);
    body_ += std::string("<clipPath id=\"") + id + "\"><rect x=\"" + x(min.x) + "\" y=\"" + y(min.y) + "\" width=\"" +
             svgNumber(max.x - min.x) + "\" height=\"" + svgNumber(max.y - min.y) + "\"/></clipPath>\n";
    open(std::string("<g clip-path=\"url(#") + id + ")\">");
}

void SvgWriter::popClip() { endGroup(); }

// A series' name is also its <title> (a tooltip in browsers).
void SvgWriter::beginGroup(const std::vector<std::pair<std::string, std::string>>& attributes) {
    std::string g = "<g", title;
    for (const auto& [name, value] : attributes) {
        g += std::string(" ") + name + "=\"" + xmlEscape(value) + "\"";
        if (name == "data-series") title = std::string("<title>") + xmlEscape(value) + "</title>";
    }
    open(g + ">" + title);
}

void SvgWriter::endGroup() {
    if (depth_ == 0) return;
    body_ += "</g>\n";
    --depth_;
}

std::string SvgWriter::finish() {
    while (depth_ > 0) endGroup();
    const std::string w = svgNumber(size_.x), h = svgNumber(size_.y);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += std::string("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"") + w + "\" height=\"" + h +
           "\" viewBox=\"0 0 " + w + " " + h + "\" font-family=\"'DejaVu Sans', sans-serif\" font-size=\"" +
           svgNumber(font_.em_px) + "\" xml:space=\"preserve\">\n";
    out += std::string("<title>") + xmlEscape(info_.title) + "</title>\n";
    out += std::string("<desc>") + xmlEscape(info_.description) + "</desc>\n";
    out += std::string("<metadata>") + xmlEscape(info_.metadata) + "</metadata>\n";
    out += body_;
    out += "</svg>\n";
    return out;
}

}  // namespace slingshot::ui
