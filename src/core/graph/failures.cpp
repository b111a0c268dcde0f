#include "core/graph/failures.h"

#include <cmath>

namespace slingshot {

std::string_view failureModeName(FailureMode m) {
    switch (m) {
        case FailureMode::Random: return "random";
        case FailureMode::Independent: return "independent";
        case FailureMode::Adversarial: return "adversarial";
    }
    return "random";
}

std::optional<FailureMode> failureModeFromName(std::string_view name) {
    for (FailureMode m : kFailureModes)
        if (failureModeName(m) == name) return m;
    return std::nullopt;
}

uint64_t exactFailureCount(double theta, uint64_t n2) {
    if (!(theta > 0)) return 0;
    if (theta >= 1) return n2;
    const double m = std::round(theta * static_cast<double>(n2));
    return m >= static_cast<double>(n2) ? n2 : static_cast<uint64_t>(m);
}

// While the picks are made, the first ceil(N2 / 8) bytes of the flag array hold one bit per piece
// (set = picked): random reads and writes then stay in about N2 / 8 bytes (1.25 MB at N2 = 1e7, in
// cache) instead of N2. After the last pick the bits are spread into the flag bytes, from the end:
// byte b of bits feeds flags 8b..8b+7, whose bytes hold bits already spread (or byte b itself).
ExactCountFailures::ExactCountFailures(FailureSet& set, uint64_t n2, uint64_t m, uint64_t seed)
    : set_(set),
      picked_value_(m <= n2 / 2 ? 1 : 0),
      picks_(m <= n2 / 2 ? m : n2 - m),
      words_(Rng(seed, RngStream::FailureSet)),
      piece_(static_cast<uint32_t>(n2 == 0 ? 1 : n2)) {
    set_.failed.allocate("failure flags", n2);
    set_.count = m;
    if (picks_ == 0) {
        set_.failed.fill(picked_value_ ? 0 : 1);
        return;
    }
    uint8_t* bits = set_.failed.data();
    for (uint64_t b = 0; b < (n2 + 7) / 8; ++b) bits[b] = 0;
}

void ExactCountFailures::pick(uint64_t first, uint64_t last) {
    if (last > picks_) last = picks_;
    if (first >= last) return;
    uint8_t* bits = set_.failed.data();
    for (uint64_t p = first; p < last; ++p) {
        uint32_t i = piece_(words_);
        while (bits[i >> 3] & (1u << (i & 7))) i = piece_(words_);
        bits[i >> 3] = static_cast<uint8_t>(bits[i >> 3] | (1u << (i & 7)));
    }
    if (last == picks_) spreadBits();
}

void ExactCountFailures::spreadBits() {
    uint8_t* flags = set_.failed.data();
    const uint64_t n2 = set_.failed.size();
    const uint8_t unpicked = picked_value_ ^ 1;
    for (uint64_t b = (n2 + 7) / 8; b-- > 0;) {
        const uint32_t byte = flags[b];
        const uint64_t end = n2 < 8 * b + 8 ? n2 : 8 * b + 8;
        for (uint64_t i = 8 * b; i < end; ++i) flags[i] = static_cast<uint8_t>(((byte >> (i - 8 * b)) & 1) ^ unpicked);
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
