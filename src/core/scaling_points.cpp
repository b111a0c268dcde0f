// Reading and checking (N, D, L) points for scaling_fit.h.
#include "core/scaling_fit.h"

#include "core/quoted_input.h"

#include <cmath>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>

namespace slingshot {

namespace {

std::string_view trim(std::string_view s) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

// The whole field must be a number ("1e10", "0.5").
std::optional<double> number(std::string_view field) {
    const std::string s(field);
    if (s.empty() || s.size() > 64) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size()) return std::nullopt;
    return v;
}

std::vector<std::string_view> splitFields(std::string_view row) {
    std::vector<std::string_view> fields;
    size_t start = 0;
    while (true) {
        const size_t comma = row.find(',', start);
        fields.push_back(trim(row.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start)));
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return fields;
}

}  // namespace

std::vector<ScalingPoint> parseScalingPoints(std::string_view text) {
    static const char* const kNames[3] = {"N", "D", "L"};
    std::vector<ScalingPoint> points;
    bool first_row = true;
    size_t line = 0, start = 0;
    while (start <= text.size()) {
        size_t end = text.find_first_of(";\n", start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view row = trim(text.substr(start, end - start));
        start = end + 1;
        ++line;
        if (row.empty() || row.front() == '#') continue;
        const std::string where = "line " + std::to_string(line) + ": ";
        const auto fields = splitFields(row);
        if (fields.size() != 3)
            throw std::invalid_argument(where + quotedInput(row) + " has " + std::to_string(fields.size()) +
                                        " values; expected 3: N,D,L");
        double v[3];
        for (int i = 0; i < 3; ++i) {
            const auto parsed = number(fields[size_t(i)]);
            if (!parsed) {
                if (first_row && i == 0) break;  // a header row
                throw std::invalid_argument(where + quotedInput(fields[size_t(i)]) + " is not a number (" + kNames[i] + ")");
            }
            if (!std::isfinite(*parsed) || *parsed <= 0)
                throw std::invalid_argument(where + quotedInput(fields[size_t(i)]) + " must be a finite number > 0 (" +
                                            kNames[i] + ")");
            v[i] = *parsed;
        }
        const bool header = first_row && !number(fields[0]);
        first_row = false;
        if (header) continue;
        points.push_back({v[0], v[1], v[2]});
    }
    return points;
}

void validateScalingPoints(const std::vector<ScalingPoint>& points) {
    if (points.size() < kMinFitPoints)
        throw std::invalid_argument("fit: " + std::to_string(points.size()) + " points given; at least " +
                                    std::to_string(kMinFitPoints) + " are needed for the 5 parameters E, A, B, a, b");
    for (size_t i = 0; i < points.size(); ++i) {
        const ScalingPoint& p = points[i];
        for (double v : {p.n_params, p.d_tokens, p.loss})
            if (!std::isfinite(v) || v <= 0)
                throw std::invalid_argument("fit: point " + std::to_string(i + 1) +
                                            " has a value that is not a finite number > 0");
    }
    bool n_varies = false, d_varies = false;
    for (const ScalingPoint& p : points) {
        n_varies = n_varies || p.n_params != points.front().n_params;
        d_varies = d_varies || p.d_tokens != points.front().d_tokens;
    }
    if (!n_varies) throw std::invalid_argument("fit: every point has the same N, so A and a cannot be told apart from E");
    if (!d_varies) throw std::invalid_argument("fit: every point has the same D, so B and b cannot be told apart from E");
}

}  // namespace slingshot
