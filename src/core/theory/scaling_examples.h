// Example (N, D, L) runs for the scaling-law fit: points of a known law on a log grid with
// lognormal noise, as a reader without runs of their own can paste them (as text:
// query/scaling_points_text.h).
#pragma once

#include "core/theory/scaling_fit.h"

#include <cstdint>
#include <vector>

namespace slingshot {

// n_side x n_side points, N log-spaced over [n_from, n_to] and D over [d_from, d_to], each loss
// multiplied by exp(noise_sd z) with z standard normal (stream RngStream::ScalingExample of seed).
// Throws std::invalid_argument for n_side < 2, noise_sd < 0 or bad ranges.
struct ExampleGrid {
    int n_side = 5;
    double n_from = 7e7, n_to = 1.6e10;  // parameters (Chinchilla's sweep: 70M to 16B)
    double d_from = 5e9, d_to = 5e11;    // tokens
    double noise_sd = 0.01;              // 1% on L
};
std::vector<ScalingPoint> exampleScalingPoints(const ScalingLaw& truth, uint64_t seed, const ExampleGrid& grid = {});

}  // namespace slingshot
