#include "core/base/hypergeometric.h"

#include <algorithm>

namespace slingshot {

namespace {

constexpr double kTailCut = 0x1.0p-70;

// The support [lo, hi], its mode and the two ratio recurrences of the probabilities.
struct Hypergeometric {
    double n_pop, k_succ, n_draws, rest;  // rest = N - K - n
    uint64_t lo, hi, mode;

    // Weights relative to the mode's at x = mode+1, mode+2, ... up to hi, until `visit(x, w)` is false.
    // P(x+1)/P(x) = (K - x)(n - x) / ((x + 1)(N - K - n + x + 1)).
    template <class Visit>
    void walkUp(Visit&& visit) const {
        double w = 1.0;
        for (uint64_t x = mode; x < hi; ++x) {
            const double xd = double(x);
            w *= ((k_succ - xd) * (n_draws - xd)) / ((xd + 1) * (rest + xd + 1));
            if (!visit(x + 1, w)) return;
        }
    }
    // The same at x = mode-1, mode-2, ... down to lo: P(x-1)/P(x) = x (N - K - n + x) / ((K - x + 1)(n - x + 1)).
    template <class Visit>
    void walkDown(Visit&& visit) const {
        double w = 1.0;
        for (uint64_t x = mode; x > lo; --x) {
            const double xd = double(x);
            w *= (xd * (rest + xd)) / ((k_succ - xd + 1) * (n_draws - xd + 1));
            if (!visit(x - 1, w)) return;
        }
    }
};

}  // namespace

uint64_t drawHypergeometric(uint64_t population, uint64_t successes, uint64_t draws, Rng& rng) {
    Hypergeometric h;
    h.lo = draws + successes > population ? draws + successes - population : 0;
    h.hi = std::min(draws, successes);
    if (h.lo == h.hi) return h.lo;
    h.n_pop = double(population);
    h.k_succ = double(successes);
    h.n_draws = double(draws);
    h.rest = h.n_pop - h.k_succ - h.n_draws;
    // floor((n + 1)(K + 1) / (N + 2)), kept inside the support against rounding.
    h.mode = std::clamp(static_cast<uint64_t>((h.n_draws + 1) * (h.k_succ + 1) / (h.n_pop + 2)), h.lo, h.hi);

    // Pass 1: the sum (mode, then the upper side, then the lower side), each side cut where its terms
    // become negligible; the terms fall monotonically away from the mode.
    double total = 1.0;
    uint64_t upper_end = h.mode, lower_end = h.mode;
    h.walkUp([&](uint64_t x, double w) {
        if (w < total * kTailCut) return false;
        total += w;
        upper_end = x;
        return true;
    });
    h.walkDown([&](uint64_t x, double w) {
        if (w < total * kTailCut) return false;
        total += w;
        lower_end = x;
        return true;
    });
    // Pass 2: the same terms in the same order, so the running sum reaches `total` exactly and passes
    // u * total < total somewhere.
    const double target = rng.uniform01() * total;
    double run = 1.0;
    if (run > target) return h.mode;
    uint64_t result = h.mode;
    bool found = false;
    h.walkUp([&](uint64_t x, double w) {
        if (x > upper_end) return false;
        run += w;
        result = x;
        found = run > target;
        return !found;
    });
    if (found) return result;
    h.walkDown([&](uint64_t x, double w) {
        if (x < lower_end) return false;
        run += w;
        result = x;
        return run <= target;
    });
    return result;
}

}  // namespace slingshot
