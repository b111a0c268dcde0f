#include "core/failures.h"

#include <cmath>

namespace slingshot {

uint64_t exactFailureCount(double theta, uint64_t n2) {
    if (!(theta > 0)) return 0;
    if (theta >= 1) return n2;
    const double m = std::round(theta * static_cast<double>(n2));
    return m >= static_cast<double>(n2) ? n2 : static_cast<uint64_t>(m);
}

ExactCountFailures::ExactCountFailures(FailureSet& set, uint64_t n2, uint64_t m, uint64_t seed)
    : set_(set),
      picked_value_(m <= n2 / 2 ? 1 : 0),
      picks_(m <= n2 / 2 ? m : n2 - m),
      words_(Rng(seed, RngStream::FailureSet)),
      piece_(static_cast<uint32_t>(n2 == 0 ? 1 : n2)) {
    set_.failed.allocate("failure flags", n2);
    set_.failed.fill(picked_value_ ? 0 : 1);
    set_.count = m;
}

void ExactCountFailures::pick(uint64_t first, uint64_t last) {
    uint8_t* flags = set_.failed.data();
    for (uint64_t p = first; p < last; ++p) {
        uint32_t i = piece_(words_);
        while (flags[i] == picked_value_) i = piece_(words_);
        flags[i] = picked_value_;
    }
}

IndependentFailures::IndependentFailures(FailureSet& set, uint64_t n2, double theta, uint64_t seed)
    : set_(set), theta_(theta), rng_(seed, RngStream::FailureSet) {
    set_.failed.allocate("failure flags", n2);
    set_.count = 0;
}

void IndependentFailures::decide(uint64_t first, uint64_t last) {
    uint8_t* flags = set_.failed.data();
    uint64_t count = 0;
    for (uint64_t i = first; i < last; ++i) {
        const uint8_t f = rng_.uniform01() < theta_ ? 1 : 0;
        flags[i] = f;
        count += f;
    }
    set_.count += count;
}

}  // namespace slingshot
