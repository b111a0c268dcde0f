#include "core/base/rng.h"

namespace slingshot {

uint64_t splitmix64Next(uint64_t& state) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

Rng::Rng(uint64_t seed, RngStream purpose, uint64_t substream) {
    // Mix seed, purpose and substream through separate splitmix64 chains so that nearby seeds and
    // purposes give unrelated states; four outputs of the combined chain fill the state.
    uint64_t a = seed;
    uint64_t b = static_cast<uint64_t>(purpose) * 0xD1B54A32D192ED03ULL;
    uint64_t c = substream ^ 0x8CB92BA72F3D8DD7ULL;
    uint64_t mixed = splitmix64Next(a) ^ splitmix64Next(b) ^ (splitmix64Next(c) * 0x9FB21C651E98DF25ULL);
    for (auto& word : s_) word = splitmix64Next(mixed);
    if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0) s_[0] = 1;  // the all-zero state is a fixed point
}

uint32_t Rng::below(uint32_t n) {
    const uint32_t reject_below = static_cast<uint32_t>(-n) % n;
    for (;;) {
        const uint64_t m = (next() >> 32) * n;
        if (static_cast<uint32_t>(m) >= reject_below) return static_cast<uint32_t>(m >> 32);
    }
}

}  // namespace slingshot
