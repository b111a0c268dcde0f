#include "app/plot_summary.h"

#include "app/plot.h"

#include <algorithm>
#include <cmath>

namespace slingshot::ui {

namespace {

std::string number(double v) { return formatNumber(v, 3); }

// A value in [0, 1]-valued series the eye looks for: where it first passes one half, by linear
// interpolation between the samples around it.
bool crossesHalf(const PlotSeries& s, double* at) {
    for (size_t i = 1; i < s.x.size() && i < s.y.size(); ++i) {
        const double a = s.y[i - 1] - 0.5, b = s.y[i] - 0.5;
        if (!(std::isfinite(a) && std::isfinite(b)) || a == b || (a < 0) == (b < 0) || a == 0) continue;
        const double t = a / (a - b);
        *at = s.x[i - 1] + t * (s.x[i] - s.x[i - 1]);
        return true;
    }
    return false;
}

std::string seriesSentence(const PlotSeries& s, const std::string& x_name) {
    std::vector<size_t> finite;
    for (size_t i = 0; i < s.x.size() && i < s.y.size(); ++i)
        if (std::isfinite(s.x[i]) && std::isfinite(s.y[i])) finite.push_back(i);
    std::string out = s.name;
    out.append(": ");
    if (finite.empty()) return out + "no values drawn.";
    const size_t first = finite.front(), last = finite.back();
    if (finite.size() == 1) return out + number(s.y[first]) + " at " + x_name + " = " + number(s.x[first]) + ".";
    double lo = s.y[first], hi = s.y[first];
    for (size_t i : finite) lo = std::min(lo, s.y[i]), hi = std::max(hi, s.y[i]);
    out += std::to_string(finite.size()) + " points, from " + number(s.y[first]) + " at " + x_name + " = " +
           number(s.x[first]) + " to " + number(s.y[last]) + " at " + x_name + " = " + number(s.x[last]);
    if (lo < std::min(s.y[first], s.y[last]) || hi > std::max(s.y[first], s.y[last]))
        out += ", between " + number(lo) + " and " + number(hi);
    double half = 0;
    if (lo >= 0 && hi <= 1 && crossesHalf(s, &half)) out += "; it passes one half at " + x_name + " = " + number(half);
    return out + ".";
}

std::string axisText(const Axis& a) {
    return a.label + (a.scale == Scale::Log10 && a.label.find("log scale") == std::string::npos ? " (log scale)" : "") +
           ", " + number(a.min) + " to " + number(a.max);
}

}  // namespace

std::string plotSummary(const char* id) {
    const PlotFrame* f = plotFrame(id);
    if (!f) return "";
    std::string out = f->title.empty() ? std::string("A plot") : f->title;
    out.append(". Across: ").append(axisText(f->x)).append(". Up: ").append(axisText(f->y)).append(".");
    // The axis label up to its first bracket names the x of each sentence.
    std::string x_name = f->x.label.substr(0, f->x.label.find(" ("));
    if (x_name.empty()) x_name.push_back('x');
    for (const PlotSeries& s : plotSeries(id)) out.append(" ").append(seriesSentence(s, x_name));
    for (const auto& [label, x] : f->x_marks)
        out.append(" Marked: ")
            .append(label.empty() ? "a line" : label)
            .append(" at ")
            .append(x_name)
            .append(" = ")
            .append(number(x))
            .append(".");
    for (const auto& [label, y] : f->y_marks)
        out.append(" Marked: ").append(label.empty() ? "a level" : label).append(" at ").append(number(y)).append(".");
    return out;
}

}  // namespace slingshot::ui
