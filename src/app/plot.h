// The plot widget: one immediate-mode widget on ImDrawList for every view (ImPlot is not in our
// registries). Axes with nice linear/log ticks and unit labels, several series with a legend in a
// colour-blind-safe palette, shaded bands, markers, reference lines, a hover read-out with
// crosshair, wheel zoom / drag pan / double-click reset. The series of the last frame are kept so
// the plot can be exported as CSV.
#pragma once

#include "app/painter.h"
#include "app/svg_writer.h"

#include <imgui.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace slingshot::ui {

enum class Scale { Linear, Log10 };

struct Axis {
    std::string label;  // with unit, e.g. "model size N (parameters)"
    Scale scale = Scale::Linear;
    double min = 0, max = 1;  // default view; the user may zoom/pan away from it
};

struct PlotSeries {  // what the plot drew last frame, for read-out and export
    std::string name;
    std::vector<double> x, y;
    int color = 0;
};

// The palette's slots by name (the `int color` of the calls below). A slot's colour depends on the
// theme: Foreground is black on the light theme and white on the dark one.
struct PlotColour {
    enum : int { Accent, Warm, Green, Purple, Bright, Reference, Foreground, Count };
};
// Palette index -> colour (Okabe-Ito, ordered for contrast on the current ImGui style's background).
ImU32 paletteColor(int index, float alpha = 1.0f);
// The colour's name in the current theme ("black" or "white" for Foreground), for text naming it.
const char* colourName(int index);

// Returns false when the plot is clipped away (then draw nothing and skip EndPlot). An id names one
// plot: its zoom, its export and its tests; beginning it twice in a frame is an error (IM_ASSERT).
bool BeginPlot(const char* id, const char* title, const Axis& x, const Axis& y, ImVec2 size);
// Series names starting with "##" are kept out of the legend (read-out and export drop the "##").
void PlotLine(const char* name, const std::vector<double>& x, const std::vector<double>& y, int color,
              LineStyle style = LineStyle::Solid, float thickness = 2.0f);
void PlotMarkers(const char* name, const std::vector<double>& x, const std::vector<double>& y, int color,
                 float radius = 4.0f);
// A shaded band between y_low and y_high (drawn under the lines; shown in the legend).
void PlotBand(const char* name, const std::vector<double>& x, const std::vector<double>& y_low,
              const std::vector<double>& y_high, int color);
// A histogram: values[i] over [edges[i], edges[i + 1]] (edges one longer than values), filled down to
// 0 with an outline on top; in the legend like a band. Read-out and export carry the step vertices
// (two points per bin, so bars stay bars) as "<name> (low)" and "<name> (high)".
void PlotStairs(const char* name, const std::vector<double>& edges, const std::vector<double>& values, int color,
                float thickness = 1.0f);
// Legend entries without data, for a look that several series share (not in read-out or export).
void PlotLegendLine(const char* name, int color, LineStyle style = LineStyle::Solid, float thickness = 2.0f);
void PlotLegendMarkers(const char* name, int color, float radius = 4.0f);
void PlotVLine(double x, const char* label, int color, LineStyle style = LineStyle::Dashed);
void PlotHLine(double y, const char* label, int color, LineStyle style = LineStyle::Dashed);
void EndPlot();

// The series the plot with this id drew last frame (empty if never drawn).
const std::vector<PlotSeries>& plotSeries(const char* id);
// The names its legend showed last frame, top to bottom.
const std::vector<std::string>& plotLegend(const char* id);
// A vertical or horizontal line's label as placed last frame (screen pixels); `dropped` when there
// was no place free of the legend and the other labels, so it was not drawn.
struct PlotLabel {
    std::string text;
    ImVec2 min, max;
    int color;
    bool dropped;
};
const std::vector<PlotLabel>& plotLabels(const char* id);
// The data area's screen rectangle last frame; false if never drawn.
bool plotDataRect(const char* id, ImVec2* min, ImVec2* max);
// The legend's screen rectangle last frame (inside the data area, or below the plot when inside it
// would cover more than 30% of it); false without a legend.
bool plotLegendRect(const char* id, ImVec2* min, ImVec2* max);
// The height its legend (as listed last frame) takes when it flows below a plot of this width.
float legendBelowHeight(const char* id, float width);
// Whether a plot with this id was begun in the current frame.
bool plotBegunThisFrame(const char* id);
// Screen rectangle the plot occupied last frame; false if never drawn.
bool plotRect(const char* id, ImVec2* min, ImVec2* max);
// The title, axes and marked lines (label, position) of a plot as drawn last frame; null if never drawn.
struct PlotFrame {
    std::string title;
    Axis x, y;
    std::vector<std::pair<std::string, double>> x_marks, y_marks;  // PlotVLine, PlotHLine
};
const PlotFrame* plotFrame(const char* id);
// The series as CSV: one block per series with columns series,x,y (x/y named after the axes).
std::string plotCsv(const char* id);

// Tick positions and labels for an axis range (exposed for tests).
struct Tick {
    double value;
    std::string label;
    bool major;
};
std::vector<Tick> niceTicks(double lo, double hi, Scale scale, int target_count);
std::string formatNumber(double v, int significant = 4);  // "1.23e10" written as "1.23×10¹⁰"

// Where the next BeginPlot puts its legend (inside the data area). Auto (the default) picks the
// corner that hides the fewest data points and line labels, top-right first on ties.
enum class LegendCorner { Auto, TopRight, TopLeft, BottomLeft, BottomRight };
void SetNextLegendCorner(LegendCorner corner);

// Records the next drawing of plot `id` as an SVG document as well (origin at the plot's top-left,
// its size, the current theme's colours; without the hover read-out), handed to `done` at the end
// of that EndPlot. A second request for the same plot replaces the first.
void RequestSvg(const std::string& id, SvgDocumentInfo info, std::function<void(std::string svg)> done);
// Forgets the requests whose plot was not drawn in a whole frame since they were made; their ids.
std::vector<std::string> DropUnfulfilledSvgRequests();

// A line sample as an item at the cursor, one text line high, drawn like the legend's (same dash
// pattern and width), for tables that serve as a legend.
void LineSwatch(int color, LineStyle style, float thickness = 2.0f);

}  // namespace slingshot::ui
