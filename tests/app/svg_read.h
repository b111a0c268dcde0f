// Reading back the plot SVGs in tests: the path data of a series and the data area's axis mapping.
#pragma once

#include "xml_read.h"

#include <cmath>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace slingshot::test {

using Point = std::pair<double, double>;

// "M x y L x y M x y …" (as the SVG writer writes it): one run per M.
inline std::vector<std::vector<Point>> pathRuns(const std::string& d) {
    std::vector<std::vector<Point>> runs;
    std::istringstream in(d);
    char command = 0;
    while (in >> std::ws && in.peek() != EOF) {
        if (std::isalpha(in.peek())) in >> command;
        if (command == 'Z') continue;
        double x = 0, y = 0;
        if (!(in >> x >> y)) throw std::runtime_error("bad path data: " + d);
        if (command == 'M') runs.emplace_back();
        if (runs.empty()) throw std::runtime_error("path data without M: " + d);
        runs.back().push_back({x, y});
    }
    return runs;
}

// The data group's mapping from plot pixels back to data values (its data-area and axis attributes).
struct AxisMap {
    double left, top, width, height;
    bool xlog, ylog;
    double x0, x1, y0, y1;  // the view in axis units (log10 of the value on log axes)

    explicit AxisMap(const XmlElement& g) {
        std::istringstream area(g.attribute("data-area"));
        area >> left >> top >> width >> height;
        xlog = g.attribute("data-x-scale") == "log10";
        ylog = g.attribute("data-y-scale") == "log10";
        const auto axis = [](const std::string& v, bool log) { return log ? std::log10(std::stod(v)) : std::stod(v); };
        x0 = axis(g.attribute("data-x-min"), xlog), x1 = axis(g.attribute("data-x-max"), xlog);
        y0 = axis(g.attribute("data-y-min"), ylog), y1 = axis(g.attribute("data-y-max"), ylog);
    }
    Point data(Point px) const {
        const double tx = x0 + (px.first - left) / width * (x1 - x0);
        const double ty = y0 + (top + height - px.second) / height * (y1 - y0);
        return {xlog ? std::pow(10.0, tx) : tx, ylog ? std::pow(10.0, ty) : ty};
    }
    // What `px_error` pixels are worth at a value, on each axis: the tolerance of a read-back value.
    double xTolerance(double x, double px_error) const {
        const double per_px = (x1 - x0) / width * px_error;
        return xlog ? std::fabs(x) * (std::pow(10.0, per_px) - 1) : per_px;
    }
    double yTolerance(double y, double px_error) const {
        const double per_px = (y1 - y0) / height * px_error;
        return ylog ? std::fabs(y) * (std::pow(10.0, per_px) - 1) : per_px;
    }
};

// The <g> of a series by its data-series name and data-kind, or null.
inline const XmlElement* seriesGroup(const XmlElement& svg, const std::string& name, const std::string& kind) {
    std::vector<const XmlElement*> found;
    svg.collect(
        [&](const XmlElement& e) {
            const auto n = e.attributes.find("data-series"), k = e.attributes.find("data-kind");
            return e.name == "g" && n != e.attributes.end() && n->second == name && k != e.attributes.end() &&
                   k->second == kind;
        },
        found);
    return found.empty() ? nullptr : found.front();
}

inline const XmlElement* dataGroup(const XmlElement& svg) {
    std::vector<const XmlElement*> found;
    svg.collect([](const XmlElement& e) { return e.name == "g" && e.attributes.count("data-area") > 0; }, found);
    return found.empty() ? nullptr : found.front();
}

// Every <text>'s content, in document order.
inline std::vector<std::string> texts(const XmlElement& svg) {
    std::vector<std::string> out;
    for (const XmlElement* t : svg.all("text")) out.push_back(t->text);
    return out;
}

}  // namespace slingshot::test
