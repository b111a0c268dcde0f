#include "core/theory/scaling_examples.h"

#include "core/base/rng.h"

#include <cmath>
#include <stdexcept>

namespace slingshot {

std::vector<ScalingPoint> exampleScalingPoints(const ScalingLaw& truth, uint64_t seed, const ExampleGrid& g) {
    if (g.n_side < 2 || g.n_side > 100) throw std::invalid_argument("example points: n_side must be in [2, 100]");
    if (!(g.noise_sd >= 0) || !std::isfinite(g.noise_sd))
        throw std::invalid_argument("example points: noise must be >= 0");
    if (!(g.n_from > 0 && g.n_to > g.n_from && g.d_from > 0 && g.d_to > g.d_from) || !std::isfinite(g.n_to) ||
        !std::isfinite(g.d_to))
        throw std::invalid_argument("example points: N and D ranges must be positive and increasing");
    validateScalingLaw(truth);
    Rng rng(seed, RngStream::ScalingExample);
    std::vector<ScalingPoint> pts;
    pts.reserve(size_t(g.n_side) * size_t(g.n_side));
    const double last = g.n_side - 1;
    for (int i = 0; i < g.n_side; ++i) {
        const double n = g.n_from * std::pow(g.n_to / g.n_from, i / last);
        for (int j = 0; j < g.n_side; ++j) {
            const double d = g.d_from * std::pow(g.d_to / g.d_from, j / last);
            // Box-Muller: one standard normal from two uniforms.
            const double u1 = 1 - rng.uniform01(), u2 = rng.uniform01();
            const double z = std::sqrt(-2 * std::log(u1)) * std::cos(6.283185307179586 * u2);
            pts.push_back({n, d, loss(truth, n, d) * std::exp(g.noise_sd * z)});
        }
    }
    return pts;
}

}  // namespace slingshot
