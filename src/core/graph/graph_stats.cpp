#include "core/graph/graph_stats.h"

#include "core/base/binomial.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace slingshot {

DegreeStats degreeStats(std::span<const uint32_t> degree) {
    DegreeStats s;
    if (degree.empty()) return s;
    s.min = std::numeric_limits<uint32_t>::max();
    double sum = 0;
    for (uint32_t d : degree) {
        s.min = std::min(s.min, d);
        s.max = std::max(s.max, d);
        sum += d;
        s.isolated += d == 0;
    }
    s.mean = sum / double(degree.size());
    return s;
}

DegreeHistogram degreeHistogram(std::span<const uint32_t> degree, uint64_t trials, double p, uint32_t max_bins) {
    if (max_bins < 1) throw std::invalid_argument("degreeHistogram: max_bins must be >= 1");
    DegreeHistogram h;
    if (degree.empty()) return h;
    const DegreeStats st = degreeStats(degree);
    const double n1 = double(degree.size());
    // Widen to where the expectation is visible: walk out from the mean while the pmf is not tiny.
    uint64_t lo = st.min, hi = st.max;
    const double mean = double(trials) * p;
    const double sd = std::sqrt(std::max(1e-300, mean * (1 - p)));
    const auto visible = [&](uint64_t d) { return n1 * binomialPmf(trials, p, d) >= 1e-3; };
    const uint64_t limit_lo = uint64_t(std::max(0.0, std::floor(mean - 12 * sd - 1)));
    const uint64_t limit_hi = std::min<uint64_t>(trials, uint64_t(std::ceil(mean + 12 * sd + 1)));
    while (lo > limit_lo && visible(lo - 1)) --lo;
    while (hi < limit_hi && hi < std::numeric_limits<uint32_t>::max() && visible(hi + 1)) ++hi;
    const uint64_t span = hi - lo + 1;
    h.first = uint32_t(lo);
    h.bin_width = uint32_t((span + max_bins - 1) / max_bins);
    const size_t bins = size_t((span + h.bin_width - 1) / h.bin_width);
    h.count.assign(bins, 0);
    h.expected.assign(bins, 0.0);
    for (uint32_t d : degree) ++h.count[(d - lo) / h.bin_width];
    for (uint64_t d = lo; d <= hi; ++d) h.expected[(d - lo) / h.bin_width] += n1 * binomialPmf(trials, p, d);
    return h;
}

double skillCompetence(uint64_t degree, uint64_t failed_edges) {
    if (degree == 0) return std::numeric_limits<double>::quiet_NaN();
    return 1.0 - double(failed_edges) / double(degree);
}

}  // namespace slingshot
