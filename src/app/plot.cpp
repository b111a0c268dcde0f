#include "app/plot.h"

#include "app/fonts.h"
#include "app/painter_imgui.h"
#include "app/svg_writer.h"
#include "query/csv_field.h"

#include <imgui_internal.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <unordered_map>

namespace slingshot::ui {
namespace {

// Okabe & Ito (2008) colour-blind-safe palette, ordered for contrast on each background.
constexpr ImU32 kLight[] = {IM_COL32(0, 114, 178, 255),   IM_COL32(213, 94, 0, 255),  IM_COL32(0, 158, 115, 255),
                            IM_COL32(204, 121, 167, 255), IM_COL32(230, 159, 0, 255), IM_COL32(86, 180, 233, 255),
                            IM_COL32(0, 0, 0, 255)};
constexpr ImU32 kDark[] = {IM_COL32(86, 180, 233, 255),  IM_COL32(230, 159, 0, 255),  IM_COL32(0, 158, 115, 255),
                           IM_COL32(204, 121, 167, 255), IM_COL32(240, 228, 66, 255), IM_COL32(213, 94, 0, 255),
                           IM_COL32(255, 255, 255, 255)};
// What each slot looks like on its background (the words the views' texts use).
constexpr const char* kLightNames[] = {"blue", "orange", "green", "purple", "amber", "sky blue", "black"};
constexpr const char* kDarkNames[] = {"light blue", "orange", "green", "purple", "yellow", "red", "white"};
static_assert(std::size(kLight) == PlotColour::Count && std::size(kDark) == PlotColour::Count &&
              std::size(kLightNames) == PlotColour::Count && std::size(kDarkNames) == PlotColour::Count);

// The theme is read from the style itself, so the palette cannot disagree with it.
bool darkStyle() {
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    return 0.299f * bg.x + 0.587f * bg.y + 0.114f * bg.z < 0.5f;
}

int slot(int index) { return ((index % PlotColour::Count) + PlotColour::Count) % PlotColour::Count; }

struct View {
    bool user = false;  // the user zoomed or panned: keep this view instead of the default
    double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
};

enum class Kind { Line, Markers, Band, Stairs, VLine, HLine };
struct Item {
    Kind kind;
    std::string name;
    std::vector<double> x, y, y2;
    int color;
    LineStyle style;
    float size;
    bool legend_only = false;  // a legend entry without data
};

struct PlotState {
    View view;
    ImVec2 frame_min, frame_max;   // screen rectangle of the whole widget last frame
    int begun_frame = -1;          // ImGui frame count of the last BeginPlot
    std::vector<PlotSeries> last;  // for read-out and export
    std::vector<std::string> legend;
    std::vector<PlotLabel> labels;  // line labels as last placed
    ImRect legend_rect;             // empty without a legend
    ImRect area;                    // the data area
    PlotFrame frame;                // title, axes and marked lines
};

struct Current {
    ImGuiID id = 0;
    std::string key;
    Axis ax, ay;
    ImRect frame, area;  // whole widget, data area
    View view;
    std::vector<Item> items;
    bool hovered = false;
    LegendCorner legend = LegendCorner::Auto;
    ImRect legend_rect;                       // laid out before the items, so that labels avoid it
    std::vector<PlotLabel> labels;            // placed this frame
    float legend_below = 0;                   // > 0: the legend flows below the plot in this many pixels
    float title_extra = 0, ylabel_extra = 0;  // pixels of wrapped lines beyond the first
    // What the plot draws with: the window's draw list, and while an SVG of this plot is recorded,
    // both it and the recorder.
    std::unique_ptr<ImGuiPainter> screen;
    std::unique_ptr<SvgWriter> svg;
    std::unique_ptr<TeePainter> both;
    Painter* paint = nullptr;
    std::function<void(std::string)> svg_done;
};

// Requests for an SVG of a plot's next drawing, by plot id.
struct SvgRequest {
    SvgDocumentInfo info;
    std::function<void(std::string)> done;
    int frame;  // ImGui frame count when asked
};
std::map<std::string, SvgRequest> g_svg_requests;

LegendCorner g_next_legend = LegendCorner::Auto;

std::unordered_map<std::string, PlotState> g_states;
const ImGuiContext* g_states_context = nullptr;  // the context g_states belong to

// Plot states belong to one ImGui context: they are dropped when it shuts down, so that a new
// context (which counts frames from 0 again, maybe at the same address) starts with none.
void bindStatesToContext() {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (ctx == g_states_context) return;
    g_states.clear();
    g_states_context = ctx;
    ImGuiContextHook hook;
    hook.Type = ImGuiContextHookType_Shutdown;
    hook.Callback = [](ImGuiContext*, ImGuiContextHook*) {
        g_states.clear();
        g_states_context = nullptr;
    };
    ImGui::AddContextHook(ctx, &hook);
}
Current g_cur;

double toAxis(double v, Scale s) { return s == Scale::Log10 ? std::log10(v) : v; }
double fromAxis(double t, Scale s) { return s == Scale::Log10 ? std::pow(10.0, t) : t; }

ImVec2 toScreen(double x, double y) {
    const View& v = g_cur.view;
    double tx = (toAxis(x, g_cur.ax.scale) - v.x0) / (v.x1 - v.x0);
    double ty = (toAxis(y, g_cur.ay.scale) - v.y0) / (v.y1 - v.y0);
    return ImVec2(static_cast<float>(g_cur.area.Min.x + tx * g_cur.area.GetWidth()),
                  static_cast<float>(g_cur.area.Max.y - ty * g_cur.area.GetHeight()));
}

bool finitePoint(double x, double y) {
    if (!std::isfinite(x) || !std::isfinite(y)) return false;
    if (g_cur.ax.scale == Scale::Log10 && x <= 0) return false;
    if (g_cur.ay.scale == Scale::Log10 && y <= 0) return false;
    return true;
}

void dashedLine(Painter& p, ImVec2 a, ImVec2 b, ImU32 col, float thickness, LineStyle style) {
    p.polylines({{a, b}}, col, thickness, style);
}

// Thicker lines for larger (projector) fonts.
float lineScale() { return std::max(1.0f, ImGui::GetFontSize() / 16.0f); }

float swatchWidth() { return ImGui::GetFontSize() * 1.8f; }

// The legend's sample of a line, starting at `left` (its vertical centre).
void lineSample(Painter& p, ImVec2 left, ImU32 col, float thickness, LineStyle style) {
    dashedLine(p, left, ImVec2(left.x + swatchWidth(), left.y), col, thickness * lineScale(), style);
}

bool filled(Kind k) { return k == Kind::Band || k == Kind::Stairs; }

std::string superscript(int e) {
    static const char* digits[] = {"\u2070", "\u00B9", "\u00B2", "\u00B3", "\u2074",
                                   "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
    std::string s = e < 0 ? "\u207B" : "";
    std::string num = std::to_string(std::abs(e));
    for (char c : num) s += digits[c - '0'];
    return s;
}

double niceStep(double raw) {
    double p = std::pow(10.0, std::floor(std::log10(raw)));
    double m = raw / p;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

// The legend corner (box of `size`) that covers the fewest sampled data points and labels.
LegendCorner leastCoveredCorner(ImVec2 size, float pad, float line_height) {
    const ImRect& area = g_cur.area;
    const LegendCorner order[] = {LegendCorner::TopRight, LegendCorner::TopLeft, LegendCorner::BottomRight,
                                  LegendCorner::BottomLeft};
    LegendCorner best = LegendCorner::TopRight;
    int bestHidden = INT_MAX;
    for (LegendCorner c : order) {
        bool left = c == LegendCorner::TopLeft || c == LegendCorner::BottomLeft;
        bool below = c == LegendCorner::BottomLeft || c == LegendCorner::BottomRight;
        ImVec2 p0(left ? area.Min.x + pad : area.Max.x - size.x, below ? area.Max.y - pad - size.y : area.Min.y + pad);
        ImRect r(p0, ImVec2(p0.x + size.x, p0.y + size.y));
        int hidden = 0;
        for (const auto& it : g_cur.items) {
            if (it.kind == Kind::HLine && !it.name.empty() && left && std::isfinite(it.y[0])) {
                float py = toScreen(g_cur.ax.scale == Scale::Log10 ? 1.0 : 0.0, it.y[0]).y;
                if (py > r.Min.y && py < r.Max.y + line_height) hidden += 50;  // its label is at the left
            }
            if (it.kind != Kind::Line && it.kind != Kind::Markers && !filled(it.kind)) continue;
            size_t stride = std::max<size_t>(1, it.x.size() / 200);
            for (size_t i = 0; i < it.x.size() && i < it.y.size(); i += stride)
                if (finitePoint(it.x[i], it.y[i]) && r.Contains(toScreen(it.x[i], it.y[i]))) ++hidden;
            if (it.kind == Kind::Stairs)  // its outline
                for (size_t i = 0; i < it.x.size() && i < it.y2.size(); i += stride)
                    if (finitePoint(it.x[i], it.y2[i]) && r.Contains(toScreen(it.x[i], it.y2[i]))) ++hidden;
        }
        if (hidden < bestHidden) best = c, bestHidden = hidden;
    }
    return best;
}

}  // namespace

ImU32 paletteColor(int index, float alpha) {
    ImU32 c = (darkStyle() ? kDark : kLight)[slot(index)];
    ImU32 a = static_cast<ImU32>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f);
    return (c & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

const char* colourName(int index) { return (darkStyle() ? kDarkNames : kLightNames)[slot(index)]; }

std::string formatNumber(double v, int significant) {
    if (std::isnan(v)) return "n/a";
    if (std::isinf(v)) return v > 0 ? "\u221E" : "\u2212\u221E";
    if (v == 0) return "0";
    double a = std::fabs(v);
    char buf[400];  // room for any %g of a double
    if (a >= 1e-3 && a < 1e5) {
        std::snprintf(buf, sizeof buf, "%.*g", significant, v);
        std::string s = buf;
        if (s[0] == '-') s = "\u2212" + s.substr(1);
        if (s.find('e') == std::string::npos) return s;  // else "1e+04": too few digits, use the ×10ⁿ form below
    }
    // Rounded once by printf ("9.96e11" to one digit is "1e+12"), so a mantissa never reads 10.
    const int digits = std::max(1, significant - 1);
    std::snprintf(buf, sizeof buf, "%.*e", digits - 1, v);
    std::string mantissa = buf;
    const size_t epos = mantissa.find('e');
    const int e = std::atoi(mantissa.c_str() + epos + 1);
    mantissa.resize(epos);
    if (mantissa.find('.') != std::string::npos) {
        while (mantissa.back() == '0') mantissa.pop_back();
        if (mantissa.back() == '.') mantissa.pop_back();
    }
    const bool negative = mantissa[0] == '-';
    if (negative) mantissa = mantissa.substr(1);
    const std::string sign = negative ? "\u2212" : "";
    if (mantissa == "1") return sign + "10" + superscript(e);
    return sign + mantissa + "\u00D710" + superscript(e);
}

std::vector<Tick> niceTicks(double lo, double hi, Scale scale, int target_count) {
    std::vector<Tick> ticks;
    if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) return ticks;
    target_count = std::max(2, target_count);
    if (scale == Scale::Log10) {  // lo, hi are log10 values
        double decades = hi - lo;
        if (decades >= 1.0) {
            int step = std::max(1, static_cast<int>(std::ceil(decades / target_count)));
            for (int e = static_cast<int>(std::ceil(lo)); e <= static_cast<int>(std::floor(hi)); ++e) {
                bool major = (e % step) == 0;
                if (major) ticks.push_back({std::pow(10.0, e), formatNumber(std::pow(10.0, e)), true});
                if (step == 1 && decades <= target_count / 2.0)  // room for 2 and 5 in each decade
                    for (double m : {2.0, 5.0}) {
                        double t = e + std::log10(m);
                        if (t <= hi) ticks.push_back({std::pow(10.0, t), formatNumber(std::pow(10.0, t)), false});
                    }
                else if (step == 1)
                    for (int m = 2; m <= 9; ++m) {
                        double t = e + std::log10(m);
                        if (t <= hi) ticks.push_back({std::pow(10.0, t), "", false});
                    }
            }
            if (!ticks.empty()) return ticks;
        }
        // Less than a decade in view: linear ticks in value space.
        auto lin = niceTicks(std::pow(10.0, lo), std::pow(10.0, hi), Scale::Linear, target_count);
        return lin;
    }
    double step = niceStep((hi - lo) / target_count);
    for (double t = std::ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
        double v = std::fabs(t) < step * 1e-9 ? 0.0 : t;
        ticks.push_back({v, formatNumber(v, 6), true});
    }
    return ticks;
}

namespace {

// Places the widget and its data area; false when ImGui clips it away.
// The boxed legend's size inside a plot for entries of these widths: swatch, text, padding.
ImVec2 legendBoxSize(float widest_text, size_t entries) {
    const float pad = ImGui::GetFontSize() * 0.4f;
    return ImVec2(widest_text + swatchWidth() + pad * 3, float(entries) * ImGui::GetTextLineHeight() + pad * 2);
}

// Largest share of the data area a legend may cover inside the plot before it moves below it.
constexpr float kLegendInsideMaxShare = 0.3f;
// Largest share of the data area's width it may take (on phones a legend beside the curves hides them).
constexpr float kLegendInsideMaxWidthShare = 0.45f;
// The data area's least height, in text lines, when the legend flows below it.
constexpr float kMinDataLines = 7;

// Lines of `text` no wider than `width`, broken at spaces only (ImGui's own wrap also breaks after
// '.' and ',', which splits numbers such as 0.05); a word wider than the line stays whole.
std::vector<std::string> wrapAtSpaces(const char* text, float width) {
    std::vector<std::string> lines;
    std::string line, word;
    auto flushWord = [&] {
        if (word.empty()) return;
        const std::string joined = line.empty() ? word : line + " " + word;
        if (!line.empty() && ImGui::CalcTextSize(joined.c_str()).x > width) {
            lines.push_back(line);
            line = word;
        } else {
            line = joined;
        }
        word.clear();
    };
    for (const char* c = text; *c; ++c) {
        if (*c == ' ')
            flushWord();
        else
            word.push_back(*c);
    }
    flushWord();
    if (!line.empty()) lines.push_back(line);
    return lines;
}

// One legend entry's width in the flow below a plot: swatch, gap, text, space to the next.
float flowEntryWidth(const std::string& name) {
    const float fs = ImGui::GetFontSize();
    return swatchWidth() + fs * 0.4f + ImGui::CalcTextSize(name.c_str()).x + fs * 1.2f;
}

// The legend flowing below a plot, left to right in rows `width` pixels wide: each entry's offset
// from the flow's top left and its text lines. An entry wider than a row wraps at spaces on rows of
// its own.
struct FlowEntry {
    ImVec2 at;
    std::vector<std::string> lines;
};
struct LegendFlow {
    std::vector<FlowEntry> entries;
    float height = 0;
};
LegendFlow flowLegend(const std::vector<std::string>& names, float width) {
    LegendFlow flow;
    const float lh = ImGui::GetTextLineHeight(), text_room = width - swatchWidth() - ImGui::GetFontSize() * 0.4f;
    float x = 0, y = 0, row_height = lh;
    for (const auto& n : names) {
        float w = flowEntryWidth(n);
        std::vector<std::string> lines{n};
        if (w > width) lines = wrapAtSpaces(n.c_str(), text_room), w = width;
        if (x > 0 && x + w > width) x = 0, y += row_height, row_height = lh;
        flow.entries.push_back({ImVec2(x, y), lines});
        row_height = std::max(row_height, float(lines.size()) * lh);
        x += w;
    }
    flow.height = names.empty() ? 0 : y + row_height;
    return flow;
}

// The pixels a legend flowing below a plot of this frame width takes, with its top margin.
float legendFlowHeight(const std::vector<std::string>& names, float frame_width) {
    const float fs = ImGui::GetFontSize();
    return flowLegend(names, frame_width - fs).height + fs * 0.4f;
}

float wrapWidth(float frame_width) {
    return std::max(ImGui::GetFontSize() * 4, frame_width - ImGui::GetFontSize() * 0.6f);
}

// Draws text wrapped as wrapAtSpaces does, from `at` downwards.
void addWrapped(Painter& p, ImVec2 at, ImU32 colour, const std::string& text, float width) {
    for (const std::string& l : wrapAtSpaces(text.c_str(), width)) {
        p.text(at, colour, l);
        at.y += ImGui::GetTextLineHeight();
    }
}

bool layOut(const char* title, ImVec2 size) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    if (size.x <= 0) size.x = std::max(avail.x, 120.0f);
    if (size.y <= 0) size.y = std::max(avail.y, 120.0f);
    ImVec2 pos = window->DC.CursorPos;
    g_cur.frame = ImRect(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    float fs = ImGui::GetFontSize();
    // A title or y label wider than the plot wraps (phones, narrow embeds) and the data area moves
    // down by the extra lines.
    const float wrap = wrapWidth(size.x);
    const float line = ImGui::GetTextLineHeight();
    auto extraLines = [&](const char* text) {
        if (!text || !*text) return 0.0f;
        return std::max(0.0f, float(wrapAtSpaces(text, wrap).size()) - 1);
    };
    g_cur.title_extra = extraLines(title) * line;
    g_cur.ylabel_extra = extraLines(g_cur.ay.label.c_str()) * line;
    float left = fs * 4.6f, bottom = fs * 3.0f, right = fs * 1.0f;
    float top = fs * (title && *title ? 2.8f : 1.5f) + g_cur.title_extra + g_cur.ylabel_extra;
    g_cur.area = ImRect(ImVec2(pos.x + left, pos.y + top), ImVec2(pos.x + size.x - right, pos.y + size.y - bottom));
    // A legend that would cover much of the data or most of its width, or not fit in it (last frame's entries: the
    // items of this one are not known yet), flows below the plot instead, and the data area gives up the room for it.
    // Where that leaves too little data area, the plot grows taller than asked (its window scrolls) rather than hide
    // the data or the legend.
    const auto st = g_states.find(g_cur.key);
    if (st != g_states.end() && !st->second.legend.empty()) {
        const std::vector<std::string>& names = st->second.legend;
        float w = 0;
        for (const auto& n : names) w = std::max(w, ImGui::CalcTextSize(n.c_str()).x);
        const ImVec2 box = legendBoxSize(w, names.size());
        const ImVec2 room(g_cur.area.GetWidth() - fs * 0.4f, g_cur.area.GetHeight() - fs * 0.8f);
        const bool covers = box.x * box.y > kLegendInsideMaxShare * g_cur.area.GetWidth() * g_cur.area.GetHeight() ||
                            box.x > kLegendInsideMaxWidthShare * g_cur.area.GetWidth();
        if (covers || box.x > room.x || box.y > room.y) {
            g_cur.legend_below = legendFlowHeight(names, g_cur.frame.GetWidth());
            g_cur.area.Max.y -= g_cur.legend_below;
            const float grow = kMinDataLines * line - g_cur.area.GetHeight();
            if (grow > 0) {
                g_cur.area.Max.y += grow;
                g_cur.frame.Max.y += grow;
            }
        }
    }
    ImGui::ItemSize(g_cur.frame);
    return ImGui::ItemAdd(g_cur.frame, g_cur.id);
}

// Wheel zooms about the cursor, drag pans, double-click restores the default view.
void interact(View& v) {
    bool hovered = false, held = false;
    ImGui::ButtonBehavior(g_cur.area, g_cur.id, &hovered, &held, ImGuiButtonFlags_MouseButtonLeft);
    g_cur.hovered = hovered;
    ImGuiIO& io = ImGui::GetIO();
    if (held && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) {
        double dx = -io.MouseDelta.x / g_cur.area.GetWidth() * (v.x1 - v.x0);
        double dy = io.MouseDelta.y / g_cur.area.GetHeight() * (v.y1 - v.y0);
        v.x0 += dx, v.x1 += dx, v.y0 += dy, v.y1 += dy;
        v.user = true;
    }
    if (hovered && io.MouseWheel != 0) {
        double f = std::pow(0.85, io.MouseWheel);
        double cx = v.x0 + (io.MousePos.x - g_cur.area.Min.x) / g_cur.area.GetWidth() * (v.x1 - v.x0);
        double cy = v.y0 + (g_cur.area.Max.y - io.MousePos.y) / g_cur.area.GetHeight() * (v.y1 - v.y0);
        v.x0 = cx + (v.x0 - cx) * f, v.x1 = cx + (v.x1 - cx) * f;
        v.y0 = cy + (v.y0 - cy) * f, v.y1 = cy + (v.y1 - cy) * f;
        v.user = true;
    }
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) v.user = false;
    if (hovered) ImGui::SetItemKeyOwner(ImGuiKey_MouseWheelY);
}

// Background, title, grid with tick labels, axis labels.
void drawAxes(Painter& paint, const char* title) {
    const View& v = g_cur.view;
    const Axis &x = g_cur.ax, &y = g_cur.ay;
    const ImRect& area = g_cur.area;
    const ImVec2 pos = g_cur.frame.Min;
    float fs = ImGui::GetFontSize();
    ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    ImU32 grid = ImGui::GetColorU32(ImGuiCol_Text, 0.12f);
    ImU32 minorGrid = ImGui::GetColorU32(ImGuiCol_Text, 0.05f);
    paint.beginGroup({{"class", "axes"}});
    paint.rectFilled(area.Min, area.Max, ImGui::GetColorU32(ImGuiCol_FrameBg, 0.35f));
    const float wrap = wrapWidth(g_cur.frame.GetWidth());
    if (title && *title) addWrapped(paint, ImVec2(pos.x + fs * 0.3f, pos.y + fs * 0.1f), text, title, wrap);

    auto xt = niceTicks(v.x0, v.x1, x.scale, std::max(2, static_cast<int>(area.GetWidth() / (fs * 6))));
    for (const auto& t : xt) {
        ImVec2 p = toScreen(t.value, fromAxis(v.y0, y.scale));
        if (p.x < area.Min.x - 0.5f || p.x > area.Max.x + 0.5f) continue;
        paint.line(ImVec2(p.x, area.Min.y), ImVec2(p.x, area.Max.y), t.major ? grid : minorGrid, 1.0f);
        if (!t.label.empty()) {
            ImVec2 ts = ImGui::CalcTextSize(t.label.c_str());
            paint.text(ImVec2(p.x - ts.x / 2, area.Max.y + fs * 0.3f), text, t.label);
        }
    }
    auto yt = niceTicks(v.y0, v.y1, y.scale, std::max(2, static_cast<int>(area.GetHeight() / (fs * 2.5f))));
    for (const auto& t : yt) {
        ImVec2 p = toScreen(fromAxis(v.x0, x.scale), t.value);
        if (p.y < area.Min.y - 0.5f || p.y > area.Max.y + 0.5f) continue;
        paint.line(ImVec2(area.Min.x, p.y), ImVec2(area.Max.x, p.y), t.major ? grid : minorGrid, 1.0f);
        if (!t.label.empty()) {
            ImVec2 ts = ImGui::CalcTextSize(t.label.c_str());
            paint.text(ImVec2(area.Min.x - ts.x - fs * 0.4f, p.y - ts.y / 2), text, t.label);
        }
    }
    ImVec2 xl = ImGui::CalcTextSize(x.label.c_str());
    paint.text(ImVec2(area.GetCenter().x - xl.x / 2, area.Max.y + fs * 1.6f), text, x.label);
    // The y label sits above the axis, left-aligned (vertical text is hard to read on slides).
    addWrapped(paint, ImVec2(pos.x + fs * 0.3f, area.Min.y - fs * 1.3f - g_cur.ylabel_extra), text, y.label, wrap);
    paint.endGroup();
}

// What a series is called in the SVG (as in the read-out and export: without a leading "##").
std::string seriesName(const Item& it) { return it.name.rfind("##", 0) == 0 ? it.name.substr(2) : it.name; }

// Bands first so lines stay on top; a band is filled over each run of steps with all four corners finite.
void drawBands(Painter& p) {
    for (const auto& it : g_cur.items) {
        if (!filled(it.kind)) continue;
        p.beginGroup({{"data-series", seriesName(it)}, {"data-kind", "band"}});
        Polyline low, high;
        const auto flush = [&] {
            if (low.size() >= 2) p.band(low, high, paletteColor(it.color, 0.18f));
            low.clear(), high.clear();
        };
        for (size_t i = 0; i < it.x.size() && i < it.y.size() && i < it.y2.size(); ++i) {
            if (!finitePoint(it.x[i], it.y[i]) || !finitePoint(it.x[i], it.y2[i])) {
                flush();
                continue;
            }
            low.push_back(toScreen(it.x[i], it.y[i]));
            high.push_back(toScreen(it.x[i], it.y2[i]));
        }
        flush();
        p.endGroup();
    }
}

// A line through the finite points of x, y; non-finite points break it.
void drawLine(Painter& p, const std::vector<double>& x, const std::vector<double>& y, ImU32 col, float thickness,
              LineStyle style) {
    std::vector<Polyline> runs(1);
    for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
        if (finitePoint(x[i], y[i]))
            runs.back().push_back(toScreen(x[i], y[i]));
        else if (!runs.back().empty())
            runs.emplace_back();
    }
    p.polylines(runs, col, thickness, style);
}

void drawMarkers(Painter& paint, const Item& it, ImU32 col) {
    for (size_t i = 0; i < it.x.size() && i < it.y.size(); ++i)
        if (finitePoint(it.x[i], it.y[i])) {
            ImVec2 p = toScreen(it.x[i], it.y[i]);
            paint.circleFilled(p, it.size * lineScale(), col);
            paint.circle(p, it.size * lineScale(), ImGui::GetColorU32(ImGuiCol_WindowBg), 12, lineScale());
        }
}

void drawVLine(Painter& paint, const Item& it, ImU32 col) {
    if (!finitePoint(it.x[0], std::pow(10.0, g_cur.view.y0))) return;
    const ImRect& area = g_cur.area;
    const float px = toScreen(it.x[0], 1.0).x;
    dashedLine(paint, ImVec2(px, area.Min.y), ImVec2(px, area.Max.y), col, it.size * lineScale(), it.style);
}

void drawHLine(Painter& paint, const Item& it, ImU32 col) {
    if (!std::isfinite(it.y[0]) || (g_cur.ay.scale == Scale::Log10 && it.y[0] <= 0)) return;
    const ImRect& area = g_cur.area;
    float py = toScreen(g_cur.ax.scale == Scale::Log10 ? 1.0 : 0.0, it.y[0]).y;
    dashedLine(paint, ImVec2(area.Min.x, py), ImVec2(area.Max.x, py), col, it.size * lineScale(), it.style);
}

bool overlapsAny(const ImRect& r, const std::vector<PlotLabel>& placed) {
    for (const auto& p : placed)
        if (r.Overlaps(ImRect(p.min, p.max))) return true;
    return false;
}

// Labels of the vertical and horizontal lines, placed so that none overlaps another or the legend and
// each stays inside the data area: a horizontal line's at its left end above the line, else its right
// end, else below; then a vertical line's right of the line in the first free row from the top, else
// left of it. A label with no free place is not drawn and is reported as dropped (its value is in
// the view's read-out).
void placeLabels() {
    const ImRect& area = g_cur.area;
    const float fs = ImGui::GetFontSize(), lh = ImGui::GetTextLineHeight();
    const int rows = std::max(1, static_cast<int>((area.GetHeight() * 0.5f) / lh));
    std::vector<PlotLabel>& placed = g_cur.labels;
    placed.clear();
    const auto free = [&](const ImRect& r) {
        return r.Min.x >= area.Min.x && r.Max.x <= area.Max.x && r.Min.y >= area.Min.y && r.Max.y <= area.Max.y &&
               !r.Overlaps(g_cur.legend_rect) && !overlapsAny(r, placed);
    };
    // Horizontal lines first: they have four places, a vertical line one per row on either side.
    std::vector<const Item*> order;
    for (Kind kind : {Kind::HLine, Kind::VLine})
        for (const auto& it : g_cur.items)
            if (it.kind == kind && !it.name.empty()) order.push_back(&it);
    for (const Item* item : order) {
        const Item& it = *item;
        const ImVec2 ts = ImGui::CalcTextSize(it.name.c_str());
        PlotLabel label{it.name, {}, {}, it.color, true};
        std::vector<ImVec2> candidates;
        if (it.kind == Kind::VLine) {
            if (!finitePoint(it.x[0], std::pow(10.0, g_cur.view.y0))) continue;
            const float px = toScreen(it.x[0], 1.0).x;
            for (int side = 0; side < 2; ++side)  // right of the line in any row before left of it
                for (int r = 0; r < rows; ++r)
                    candidates.push_back(
                        ImVec2(side == 0 ? px + fs * 0.25f : px - fs * 0.25f - ts.x, area.Min.y + fs * 0.2f + r * lh));
        } else {
            if (!std::isfinite(it.y[0]) || (g_cur.ay.scale == Scale::Log10 && it.y[0] <= 0)) continue;
            const float py = toScreen(g_cur.ax.scale == Scale::Log10 ? 1.0 : 0.0, it.y[0]).y;
            candidates.push_back(ImVec2(area.Min.x + fs * 0.3f, py - ts.y - 2));
            candidates.push_back(ImVec2(area.Max.x - fs * 0.3f - ts.x, py - ts.y - 2));
            candidates.push_back(ImVec2(area.Min.x + fs * 0.3f, py + 2));
            candidates.push_back(ImVec2(area.Max.x - fs * 0.3f - ts.x, py + 2));
        }
        for (const ImVec2& c : candidates) {
            const ImRect r(c, ImVec2(c.x + ts.x, c.y + ts.y));
            if (free(r)) {
                label.min = r.Min;
                label.max = r.Max;
                label.dropped = false;
                break;
            }
        }
        placed.push_back(label);
    }
}

// Over the curves and markers, on a patch of the window's colour, so that what passes under a
// label does not cross its text.
void drawLabels(Painter& paint) {
    const float pad = ImGui::GetFontSize() * 0.12f;
    const ImU32 patch = ImGui::GetColorU32(ImGuiCol_WindowBg, 0.82f);
    for (const auto& l : g_cur.labels) {
        if (l.dropped) continue;
        paint.rectFilled(ImVec2(l.min.x - pad, l.min.y), ImVec2(l.max.x + pad, l.max.y), patch, pad * 2);
        paint.text(l.min, paletteColor(l.color), l.text);
    }
}

// Everything inside the data area, clipped to it.
void drawItems(Painter& paint) {
    drawBands(paint);
    for (const auto& it : g_cur.items) {
        ImU32 col = paletteColor(it.color);
        if (it.legend_only || it.kind == Kind::Band) continue;
        static const char* const kind_names[] = {"line", "markers", "band", "stairs", "vline", "hline"};
        paint.beginGroup({{"data-series", seriesName(it)}, {"data-kind", kind_names[static_cast<int>(it.kind)]}});
        switch (it.kind) {
            case Kind::Line: drawLine(paint, it.x, it.y, col, it.size * lineScale(), it.style); break;
            case Kind::Markers: drawMarkers(paint, it, col); break;
            case Kind::Stairs: drawLine(paint, it.x, it.y2, col, it.size * lineScale(), LineStyle::Solid); break;
            case Kind::VLine: drawVLine(paint, it, col); break;
            case Kind::HLine: drawHLine(paint, it, col); break;
            case Kind::Band: break;  // drawn first
        }
        paint.endGroup();
    }
}

bool inLegend(const Item& it) {
    return !it.name.empty() && it.name.rfind("##", 0) != 0 &&
           (it.kind == Kind::Line || it.kind == Kind::Markers || filled(it.kind));
}

// A box of named lines, markers and bands inside the data area, in the chosen or least covered corner.
struct LegendLayout {
    std::vector<const Item*> entries;
    ImVec2 p0, p1;
    float pad = 0, sw = 0, lh = 0;
    bool below = false;  // flowing below the plot, not boxed inside it
};

void drawLegendSwatch(Painter& paint, const Item* it, ImVec2 at, float sw, float lh) {
    const ImU32 col = paletteColor(it->color);
    const float cy = at.y + lh / 2;
    if (it->kind == Kind::Line) {
        lineSample(paint, ImVec2(at.x, cy), col, it->size, it->style);
    } else if (it->kind == Kind::Markers) {
        paint.circleFilled(ImVec2(at.x + sw / 2, cy), it->size * lineScale(), col);
    } else {
        paint.rectFilled(ImVec2(at.x, cy - lh * 0.3f), ImVec2(at.x + sw, cy + lh * 0.3f),
                         paletteColor(it->color, 0.3f));
    }
}

// Where the legend goes (laid out before the items are drawn, so that line labels can avoid it).
LegendLayout layoutLegend() {
    LegendLayout l;
    for (const auto& it : g_cur.items)
        if (inLegend(it)) l.entries.push_back(&it);
    if (l.entries.empty()) return l;
    const ImRect& area = g_cur.area;
    float fs = ImGui::GetFontSize(), w = 0;
    l.lh = ImGui::GetTextLineHeight();
    for (auto* it : l.entries) w = std::max(w, ImGui::CalcTextSize(it->name.c_str()).x);
    l.sw = swatchWidth();
    l.pad = fs * 0.4f;
    const ImVec2 box = legendBoxSize(w, l.entries.size());
    const float lw = box.x, lhAll = box.y;
    if (g_cur.legend_below > 0) {  // the flow below the x-axis label
        l.below = true;
        l.p0 = ImVec2(g_cur.frame.Min.x + fs * 0.5f, g_cur.area.Max.y + fs * 3.0f);
        l.p1 = ImVec2(g_cur.frame.Max.x - fs * 0.5f, l.p0.y + g_cur.legend_below);
        return l;
    }
    LegendCorner corner =
        g_cur.legend == LegendCorner::Auto ? leastCoveredCorner(ImVec2(lw, lhAll), l.pad, l.lh) : g_cur.legend;
    bool left = corner == LegendCorner::TopLeft || corner == LegendCorner::BottomLeft;
    bool below = corner == LegendCorner::BottomLeft || corner == LegendCorner::BottomRight;
    l.p0 = ImVec2(left ? area.Min.x + l.pad : area.Max.x - lw, below ? area.Max.y - l.pad - lhAll : area.Min.y + l.pad);
    l.p1 = ImVec2(l.p0.x + lw - l.pad, l.p0.y + lhAll);
    return l;
}

void drawLegend(Painter& paint, const LegendLayout& l) {
    if (l.entries.empty()) return;
    paint.beginGroup({{"class", "legend"}});
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    if (l.below) {
        std::vector<std::string> names;
        for (auto* it : l.entries) names.push_back(it->name);
        const LegendFlow flow = flowLegend(names, l.p1.x - l.p0.x);
        for (size_t i = 0; i < l.entries.size(); ++i) {
            const ImVec2 at(l.p0.x + flow.entries[i].at.x, l.p0.y + flow.entries[i].at.y);
            drawLegendSwatch(paint, l.entries[i], at, l.sw, l.lh);
            float y = at.y;
            for (const std::string& text_line : flow.entries[i].lines) {
                paint.text(ImVec2(at.x + l.sw + l.pad, y), text, text_line);
                y += l.lh;
            }
        }
        paint.endGroup();
        return;
    }
    paint.rectFilled(l.p0, l.p1, ImGui::GetColorU32(ImGuiCol_WindowBg, 0.88f), 3.0f);
    paint.rect(l.p0, l.p1, ImGui::GetColorU32(ImGuiCol_Text, 0.25f), 3.0f);
    float yy = l.p0.y + l.pad;
    for (auto* it : l.entries) {
        drawLegendSwatch(paint, it, ImVec2(l.p0.x + l.pad, yy), l.sw, l.lh);
        paint.text(ImVec2(l.p0.x + l.pad + l.sw + l.pad, yy), text, it->name);
        yy += l.lh;
    }
    paint.endGroup();
}

// What was drawn and listed, kept for read-out, export and tests; a band is its two edges.
void recordSeries(PlotState& st) {
    st.last.clear();
    st.legend.clear();
    st.frame.x_marks.clear();
    st.frame.y_marks.clear();
    for (const auto& it : g_cur.items) {
        if (it.kind == Kind::VLine) st.frame.x_marks.push_back({it.name, it.x[0]});
        if (it.kind == Kind::HLine) st.frame.y_marks.push_back({it.name, it.y[0]});
    }
    for (const auto& it : g_cur.items)
        if (inLegend(it)) st.legend.push_back(it.name);
    for (const auto& it : g_cur.items) {
        if (it.legend_only) continue;
        const std::string name = seriesName(it);
        if (it.kind == Kind::Line || it.kind == Kind::Markers)
            st.last.push_back({name, it.x, it.y, it.color});
        else if (filled(it.kind)) {
            st.last.push_back({name + " (low)", it.x, it.y, it.color});
            st.last.push_back({name + " (high)", it.x, it.y2, it.color});
        }
    }
}

// Crosshair and a tooltip with, per series, the sample nearest to the cursor's x.
void drawReadout(ImDrawList* dl, const std::vector<PlotSeries>& series) {
    ImGuiIO& io = ImGui::GetIO();
    const ImRect& area = g_cur.area;
    if (!g_cur.hovered || !area.Contains(io.MousePos)) return;
    float fs = ImGui::GetFontSize();
    ImU32 cross = ImGui::GetColorU32(ImGuiCol_Text, 0.35f);
    dl->AddLine(ImVec2(io.MousePos.x, area.Min.y), ImVec2(io.MousePos.x, area.Max.y), cross);
    dl->AddLine(ImVec2(area.Min.x, io.MousePos.y), ImVec2(area.Max.x, io.MousePos.y), cross);
    const View& v = g_cur.view;
    double mx = fromAxis(v.x0 + (io.MousePos.x - area.Min.x) / area.GetWidth() * (v.x1 - v.x0), g_cur.ax.scale);
    double my = fromAxis(v.y0 + (area.Max.y - io.MousePos.y) / area.GetHeight() * (v.y1 - v.y0), g_cur.ay.scale);
    ImGui::BeginTooltip();
    ImGui::Text("%s = %s", g_cur.ax.label.c_str(), formatNumber(mx, 4).c_str());
    ImGui::TextDisabled("cursor y = %s", formatNumber(my, 4).c_str());
    for (const auto& s : series) {
        if (s.x.empty() || s.name.empty()) continue;
        size_t best = 0;
        double bd = INFINITY;
        for (size_t i = 0; i < s.x.size() && i < s.y.size(); ++i) {
            if (!finitePoint(s.x[i], s.y[i])) continue;
            double d = std::fabs(toScreen(s.x[i], s.y[i]).x - io.MousePos.x);
            if (d < bd) bd = d, best = i;
        }
        if (bd > fs * 3) continue;
        ImVec2 p = toScreen(s.x[best], s.y[best]);
        dl->AddCircle(p, fs * 0.35f, paletteColor(s.color), 16, 2.0f);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(paletteColor(s.color)), "%s: %s at %s", s.name.c_str(),
                           formatNumber(s.y[best], 4).c_str(), formatNumber(s.x[best], 4).c_str());
    }
    ImGui::TextDisabled("wheel: zoom, drag: pan, double-click: reset");
    ImGui::EndTooltip();
}

// The current ImGui font as SVG text: the em from the font file's metrics, the baseline where ImGui
// puts it (its ascent rounded to a pixel).
SvgFont svgFont() {
    const float line = ImGui::GetFontSize();
    const ImFont* font = ImGui::GetFont();
    const float scale = font->FontSize > 0 ? line / font->FontSize : 1.0f;
    return {line * app::fontEmPerLineHeight(), std::round(font->Ascent) * scale};
}

// The data area's group in an SVG: its rectangle (plot pixels) and the axes' ranges in their values,
// so that a reader can map the series' coordinates back to data.
std::vector<std::pair<std::string, std::string>> dataAreaAttributes() {
    const auto value = [](double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", v);
        return std::string(buf);
    };
    const auto scale = [](Scale s) { return std::string(s == Scale::Log10 ? "log10" : "linear"); };
    const ImRect& a = g_cur.area;
    const ImVec2 o = g_cur.frame.Min;
    const View& v = g_cur.view;
    return {{"class", "data"},
            {"data-area", svgNumber(a.Min.x - o.x) + " " + svgNumber(a.Min.y - o.y) + " " + svgNumber(a.GetWidth()) +
                              " " + svgNumber(a.GetHeight())},
            {"data-x-scale", scale(g_cur.ax.scale)},
            {"data-x-min", value(fromAxis(v.x0, g_cur.ax.scale))},
            {"data-x-max", value(fromAxis(v.x1, g_cur.ax.scale))},
            {"data-y-scale", scale(g_cur.ay.scale)},
            {"data-y-min", value(fromAxis(v.y0, g_cur.ay.scale))},
            {"data-y-max", value(fromAxis(v.y1, g_cur.ay.scale))}};
}

}  // namespace

bool BeginPlot(const char* id, const char* title, const Axis& x, const Axis& y, ImVec2 size) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;
    g_cur = Current{};
    g_cur.legend = g_next_legend;
    g_next_legend = LegendCorner::Auto;
    g_cur.key = id;
    g_cur.id = window->GetID(id);
    g_cur.ax = x;
    g_cur.ay = y;
    if (!layOut(title, size)) return false;

    bindStatesToContext();
    PlotState& st = g_states[g_cur.key];
    IM_ASSERT(!plotBegunThisFrame(id) && "plot id begun twice in one frame");
    st.begun_frame = ImGui::GetFrameCount();
    st.frame_min = g_cur.frame.Min;
    st.frame_max = g_cur.frame.Max;
    st.frame.title = title ? title : "";
    st.frame.x = x;
    st.frame.y = y;
    if (!st.view.user)
        st.view =
            View{false, toAxis(x.min, x.scale), toAxis(x.max, x.scale), toAxis(y.min, y.scale), toAxis(y.max, y.scale)};
    interact(st.view);
    g_cur.view = st.view;
    g_cur.screen = std::make_unique<ImGuiPainter>(ImGui::GetWindowDrawList());
    g_cur.paint = g_cur.screen.get();
    if (auto req = g_svg_requests.find(g_cur.key); req != g_svg_requests.end()) {
        g_cur.svg = std::make_unique<SvgWriter>(g_cur.frame.Min, g_cur.frame.GetSize(), svgFont(),
                                                ImGui::GetColorU32(ImGuiCol_WindowBg), std::move(req->second.info));
        g_cur.svg_done = std::move(req->second.done);
        g_svg_requests.erase(req);
        g_cur.both = std::make_unique<TeePainter>(*g_cur.screen, *g_cur.svg);
        g_cur.paint = g_cur.both.get();
    }
    drawAxes(*g_cur.paint, title);
    g_cur.paint->pushClip(g_cur.area.Min, g_cur.area.Max);
    g_cur.paint->beginGroup(dataAreaAttributes());
    return true;
}

void PlotLine(const char* name, const std::vector<double>& x, const std::vector<double>& y, int color, LineStyle style,
              float thickness) {
    g_cur.items.push_back({Kind::Line, name, x, y, {}, color, style, thickness});
}

void PlotMarkers(const char* name, const std::vector<double>& x, const std::vector<double>& y, int color,
                 float radius) {
    g_cur.items.push_back({Kind::Markers, name, x, y, {}, color, LineStyle::Solid, radius});
}

void PlotBand(const char* name, const std::vector<double>& x, const std::vector<double>& y_low,
              const std::vector<double>& y_high, int color) {
    g_cur.items.push_back({Kind::Band, name, x, y_low, y_high, color, LineStyle::Solid, 0});
}

void PlotStairs(const char* name, const std::vector<double>& edges, const std::vector<double>& values, int color,
                float thickness) {
    Item it{Kind::Stairs, name, {}, {}, {}, color, LineStyle::Solid, thickness};
    for (size_t i = 0; i < values.size() && i + 1 < edges.size(); ++i) {
        it.x.insert(it.x.end(), {edges[i], edges[i + 1]});
        it.y.insert(it.y.end(), {0.0, 0.0});
        it.y2.insert(it.y2.end(), {values[i], values[i]});
    }
    g_cur.items.push_back(std::move(it));
}

void PlotLegendLine(const char* name, int color, LineStyle style, float thickness) {
    g_cur.items.push_back({Kind::Line, name, {}, {}, {}, color, style, thickness, true});
}

void PlotLegendMarkers(const char* name, int color, float radius) {
    g_cur.items.push_back({Kind::Markers, name, {}, {}, {}, color, LineStyle::Solid, radius, true});
}

void PlotVLine(double x, const char* label, int color, LineStyle style) {
    g_cur.items.push_back({Kind::VLine, label, {x}, {}, {}, color, style, 1.5f});
}

void PlotHLine(double y, const char* label, int color, LineStyle style) {
    g_cur.items.push_back({Kind::HLine, label, {}, {y}, {}, color, style, 1.5f});
}

void EndPlot() {
    Painter& p = *g_cur.paint;
    const LegendLayout legend = layoutLegend();
    g_cur.legend_rect = legend.entries.empty() ? ImRect() : ImRect(legend.p0, legend.p1);
    placeLabels();
    drawItems(p);
    drawLabels(p);
    p.endGroup();
    p.popClip();
    p.rect(g_cur.area.Min, g_cur.area.Max, ImGui::GetColorU32(ImGuiCol_Text, 0.45f), 0, 1.0f);
    drawLegend(p, legend);
    PlotState& st = g_states[g_cur.key];
    recordSeries(st);
    st.labels = g_cur.labels;
    st.legend_rect = g_cur.legend_rect;
    st.area = g_cur.area;
    if (g_cur.svg) {  // the figure without the hover read-out
        const std::string document = g_cur.svg->finish();
        g_cur.paint = g_cur.screen.get();
        g_cur.both.reset();
        g_cur.svg.reset();
        if (g_cur.svg_done) std::exchange(g_cur.svg_done, nullptr)(document);
    }
    drawReadout(ImGui::GetWindowDrawList(), st.last);
}

const std::vector<PlotSeries>& plotSeries(const char* id) {
    static const std::vector<PlotSeries> none;
    auto it = g_states.find(id);
    return it == g_states.end() ? none : it->second.last;
}

const std::vector<std::string>& plotLegend(const char* id) {
    static const std::vector<std::string> none;
    auto it = g_states.find(id);
    return it == g_states.end() ? none : it->second.legend;
}

const std::vector<PlotLabel>& plotLabels(const char* id) {
    static const std::vector<PlotLabel> none;
    auto it = g_states.find(id);
    return it == g_states.end() ? none : it->second.labels;
}

bool plotDataRect(const char* id, ImVec2* min, ImVec2* max) {
    auto it = g_states.find(id);
    if (it == g_states.end()) return false;
    *min = it->second.area.Min;
    *max = it->second.area.Max;
    return true;
}

bool plotLegendRect(const char* id, ImVec2* min, ImVec2* max) {
    auto it = g_states.find(id);
    if (it == g_states.end() || it->second.legend_rect.GetWidth() <= 0) return false;
    *min = it->second.legend_rect.Min;
    *max = it->second.legend_rect.Max;
    return true;
}

bool plotBegunThisFrame(const char* id) {
    auto it = g_states.find(id);
    return it != g_states.end() && it->second.begun_frame == ImGui::GetFrameCount();
}

bool plotRect(const char* id, ImVec2* min, ImVec2* max) {
    auto it = g_states.find(id);
    if (it == g_states.end()) return false;
    *min = it->second.frame_min;
    *max = it->second.frame_max;
    return true;
}

float legendBelowHeight(const char* id, float width) {
    bindStatesToContext();
    const auto st = g_states.find(id);
    if (st == g_states.end() || st->second.legend.empty()) return 0;
    return legendFlowHeight(st->second.legend, width);
}

const PlotFrame* plotFrame(const char* id) {
    bindStatesToContext();
    const auto it = g_states.find(id);
    return it == g_states.end() || it->second.begun_frame < 0 ? nullptr : &it->second.frame;
}

std::string plotCsv(const char* id) {
    std::string out = "series,x,y\n";
    char buf[64];
    for (const auto& s : plotSeries(id)) {
        const std::string name = csvField(s.name);
        for (size_t i = 0; i < s.x.size() && i < s.y.size(); ++i) {
            out += name;
            std::snprintf(buf, sizeof buf, ",%.17g", s.x[i]);
            out += buf;
            std::snprintf(buf, sizeof buf, ",%.17g\n", s.y[i]);
            out += buf;
        }
    }
    return out;
}

void SetNextLegendCorner(LegendCorner corner) { g_next_legend = corner; }

void RequestSvg(const std::string& id, SvgDocumentInfo info, std::function<void(std::string)> done) {
    g_svg_requests[id] = {std::move(info), std::move(done), ImGui::GetFrameCount()};
}

std::vector<std::string> DropUnfulfilledSvgRequests() {
    std::vector<std::string> dropped;
    for (auto it = g_svg_requests.begin(); it != g_svg_requests.end();)
        if (it->second.frame < ImGui::GetFrameCount()) {
            dropped.push_back(it->first);
            it = g_svg_requests.erase(it);
        } else {
            ++it;
        }
    return dropped;
}

void LineSwatch(int color, LineStyle style, float thickness) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGuiPainter screen(ImGui::GetWindowDrawList());
    lineSample(screen, ImVec2(p.x, p.y + h * 0.5f), paletteColor(color), thickness, style);
    ImGui::Dummy(ImVec2(swatchWidth(), h));
}

}  // namespace slingshot::ui
