// Statistics of a sampled skill graph for display (THEORY 2.5-2.6): degree summary, the degree
// histogram against its expectation (Bin(k N2, mu1(s)) per skill), and per-skill competence.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace slingshot {

struct DegreeStats {
    uint32_t min = 0, max = 0;
    double mean = 0;        // observed mean degree (= k N2 / N1 exactly for a complete graph)
    uint64_t isolated = 0;  // skills with degree 0 (no competence, excluded from fractions)
};
DegreeStats degreeStats(std::span<const uint32_t> degree);

// Degrees of the skills counted in bins of equal integer width over [min degree, max degree],
// next to the expected number of skills per bin when every skill's degree is Bin(trials, p)
// (uniform mu1: trials = k N2, p = 1/N1). The expectation sums the pmf over each bin's integers.
struct DegreeHistogram {
    uint32_t first = 0;      // lowest degree of bin 0
    uint32_t bin_width = 1;  // integers per bin
    std::vector<uint64_t> count;
    std::vector<double> expected;
    // Degree range of bin i: [first + i w, first + (i + 1) w - 1].
    double binLow(size_t i) const { return double(first) + double(i) * bin_width; }
};
// At most max_bins bins (>= 1). The expectation's support is widened to the range where it is
// visible (at least 1e-3 skills per bin), so a missing tail shows as well as an extra one.
DegreeHistogram degreeHistogram(std::span<const uint32_t> degree, uint64_t trials, double p, uint32_t max_bins);

// Competence of one skill (Def 7 over edges): 1 - failed / degree; NaN for degree 0.
double skillCompetence(uint64_t degree, uint64_t failed_edges);

}  // namespace slingshot
