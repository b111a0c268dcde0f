// The spread of one quantity over repeated runs (seeds of a simulation, bootstrap replicas): the
// empirical quantile used everywhere the app and the CLI report one, and the band they draw.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace slingshot {

// The empirical quantile of ascending `sorted` values at probability q in [0, 1]: the value of rank
// ceil(q R) (1-based; rank 1 for q = 0), R = sorted.size() >= 1. No interpolation, so the quantile
// is always one of the values.
double empiricalQuantile(std::span<const double> sorted, double q);

// Central `level` of the values: [quantile((1 - level)/2), quantile((1 + level)/2)]. At level 0.9
// it is the whole range [min, max] for fewer than 20 values; 20 drop the highest, 21 both ends.
struct SampleBand {
    size_t count = 0;
    double min = 0, max = 0;
    double level = 0.9;  // the central fraction [lo, hi] covers
    double lo = 0, hi = 0;
    double median = 0;  // quantile(1/2)
    double mean = 0;
};

// The central band that seed ensembles show (the page's and the CLI's).
inline constexpr double kEnsembleBandLevel = 0.9;

// Throws std::invalid_argument for no values, a NaN among them, or level outside (0, 1).
SampleBand sampleBand(std::span<const double> values, double level = 0.9);

// Pointwise bands of several runs' curves on one grid: runs[r][j] is run r's value at point j; every
// run has the same number of points (std::invalid_argument otherwise, or for no runs).
std::vector<SampleBand> pointwiseBands(const std::vector<std::vector<double>>& runs, double level = 0.9);

}  // namespace slingshot
