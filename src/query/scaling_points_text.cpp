#include "query/scaling_points_text.h"

#include "query/input_text.h"

#include <cmath>
#include <cstdio>
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

std::vector<std::string_view> splitFields(std::string_view row) {
    std::vector<std::string_view> fields;
    size_t start = 0;
    while (true) {
        const size_t comma = row.find(',', start);
        fields.push_back(
            trim(row.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start)));
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
            const auto parsed = strictNumber(fields[size_t(i)]);
            if (!parsed) {
                if (first_row && i == 0) break;  // a header row
                throw std::invalid_argument(where + quotedInput(fields[size_t(i)]) + " is not a number (" + kNames[i] +
                                            ")");
            }
            if (!std::isfinite(*parsed) || *parsed <= 0)
                throw std::invalid_argument(where + quotedInput(fields[size_t(i)]) + " must be a finite number > 0 (" +
                                            kNames[i] + ")");
            v[i] = *parsed;
        }
        const bool header = first_row && !strictNumber(fields[0]);
        first_row = false;
        if (header) continue;
        points.push_back({v[0], v[1], v[2]});
    }
    return points;
}

std::string formatScalingPoints(const std::vector<ScalingPoint>& points) {
    std::string out = "N,D,L\n";
    char line[96];
    for (const ScalingPoint& p : points) {
        std::snprintf(line, sizeof line, "%.6g,%.6g,%.5g\n", p.n_params, p.d_tokens, p.loss);
        out += line;
    }
    return out;
}

}  // namespace slingshot
