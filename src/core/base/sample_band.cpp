#include "core/base/sample_band.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace slingshot {

double empiricalQuantile(std::span<const double> sorted, double q) {
    if (sorted.empty()) throw std::invalid_argument("a quantile needs at least one value");
    const size_t r = sorted.size();
    // The 1e-9 keeps q R = 2 (for example 0.25 * 8) at rank 2 despite rounding in q.
    const size_t rank = std::clamp<size_t>(size_t(std::ceil(q * double(r) - 1e-9)), 1, r);
    return sorted[rank - 1];
}

SampleBand sampleBand(std::span<const double> values, double level) {
    if (values.empty()) throw std::invalid_argument("a band needs at least one value");
    if (!(level > 0 && level < 1)) throw std::invalid_argument("a band's central level must be in (0, 1)");
    std::vector<double> sorted(values.begin(), values.end());
    double sum = 0;
    for (double v : sorted) {
        if (std::isnan(v)) throw std::invalid_argument("a band's values must not be NaN");
        sum += v;
    }
    std::sort(sorted.begin(), sorted.end());
    SampleBand b;
    b.count = sorted.size();
    b.min = sorted.front();
    b.max = sorted.back();
    b.level = level;
    b.lo = empiricalQuantile(sorted, (1 - level) / 2);
    b.hi = empiricalQuantile(sorted, (1 + level) / 2);
    b.median = empiricalQuantile(sorted, 0.5);
    b.mean = sum / double(sorted.size());
    return b;
}

std::vector<SampleBand> pointwiseBands(const std::vector<std::vector<double>>& runs, double level) {
    if (runs.empty()) throw std::invalid_argument("pointwise bands need at least one run");
    const size_t points = runs.front().size();
    for (const auto& run : runs)
        if (run.size() != points) throw std::invalid_argument("every run's curve must have the same points");
    std::vector<SampleBand> bands;
    bands.reserve(points);
    std::vector<double> at(runs.size());
    for (size_t j = 0; j < points; ++j) {
        for (size_t r = 0; r < runs.size(); ++r) at[r] = runs[r][j];
        bands.push_back(sampleBand(at, level));
    }
    return bands;
}

}  // namespace slingshot
