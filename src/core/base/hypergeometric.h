// Exact hypergeometric draws with only +, -, *, / (no libm), so the same seed gives the same count on
// every platform: how many of `draws` pieces taken without replacement from `population`, of which
// `successes` are marked, are marked. Used to split an exact failure count over blocks of pieces.
#pragma once

#include "core/base/rng.h"

#include <cstdint>

namespace slingshot {

// Inversion around the mode: the probabilities relative to the mode's are built by their ratios
// P(x+1)/P(x), outward on each side until a term falls below 2^-70 of the running sum (the tail past
// it weighs less than 1e-15 for populations up to 1e13), summed, then walked again in the same order
// to one uniform draw. Cost about 20 standard deviations of the count, and no tables.
// Requires successes <= population and draws <= population.
uint64_t drawHypergeometric(uint64_t population, uint64_t successes, uint64_t draws, Rng& rng);

}  // namespace slingshot
