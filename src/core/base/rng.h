// Seeded random numbers that are bit-identical on every platform (native and wasm): xoshiro256**
// seeded through splitmix64, one independent stream per purpose, and our own bounded integers and
// doubles (the std:: distributions are implementation-defined, so they would differ across libraries).
#pragma once

#include <cstdint>

namespace slingshot {

// One step of splitmix64; used to expand a user seed into generator states.
uint64_t splitmix64Next(uint64_t& state);

// What a stream is used for. Each purpose gets its own stream from the same user seed, so changing
// (say) the failure mode never changes the sampled graph.
enum class RngStream : uint64_t {
    GraphSlots = 1,
    FailureSet = 2,
    AdversaryTies = 3,
    TuplePieces = 4,
    SpectralStart = 5,
    ScalingExample = 6,
    FitBootstrap = 7,
    FailureSplit = 8,  // the exact failure count's split over blocks of pieces
    Test = 99,
};

// xoshiro256** (Blackman & Vigna). `substream` separates several streams of one purpose.
class Rng {
public:
    Rng(uint64_t seed, RngStream purpose, uint64_t substream = 0);

    uint64_t next() {
        const uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    // Uniform double in [0, 1) with 53 random bits.
    double uniform01() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    // Uniform integer in [0, n), n >= 1, without bias (Lemire's multiply-and-reject).
    uint32_t below(uint32_t n);

private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    uint64_t s_[4];
};

// The generator's output read as 32-bit words: high half first, then low half. Kernels that need
// many small numbers take two per 64-bit draw; the word order is fixed so results do not depend on
// how a job is sliced.
class WordStream {
public:
    explicit WordStream(Rng rng) : rng_(rng) {}
    uint32_t next32() {
        if (has_low_) {
            has_low_ = false;
            return low_;
        }
        const uint64_t r = rng_.next();
        low_ = static_cast<uint32_t>(r);
        has_low_ = true;
        return static_cast<uint32_t>(r >> 32);
    }

    // For kernels that take both halves of a draw themselves: no half-word may be pending then.
    bool pending() const { return has_low_; }
    uint64_t nextPair() { return rng_.next(); }
    // Puts back the low half of a pair so that the next word read is `low`.
    void pushLow(uint32_t low) {
        low_ = low;
        has_low_ = true;
    }

private:
    Rng rng_;
    uint32_t low_ = 0;
    bool has_low_ = false;
};

// Lemire's bounded integer for a fixed bound n: a word w maps to floor(w * n / 2^32) unless it falls
// in the rejected low zone (probability < n / 2^32), which makes the result exactly uniform.
class BoundedDraw {
public:
    explicit BoundedDraw(uint32_t n) : n_(n), reject_below_(static_cast<uint32_t>(-n) % n) {}
    uint32_t operator()(WordStream& words) const {
        for (;;) {
            const uint64_t m = static_cast<uint64_t>(words.next32()) * n_;
            if (static_cast<uint32_t>(m) >= reject_below_) return static_cast<uint32_t>(m >> 32);
        }
    }
    // One draw for a bound used once, with the same words and result as BoundedDraw(n)(words): the
    // division that fixes the rejected zone is only needed when the low half falls below n (Lemire's
    // "nearly divisionless" order), which spares a division per draw when n changes every draw.
    static uint32_t once(WordStream& words, uint32_t n) {
        uint64_t m = static_cast<uint64_t>(words.next32()) * n;
        if (static_cast<uint32_t>(m) < n) {
            const uint32_t reject_below = static_cast<uint32_t>(-n) % n;
            while (static_cast<uint32_t>(m) < reject_below) m = static_cast<uint64_t>(words.next32()) * n;
        }
        return static_cast<uint32_t>(m >> 32);
    }
    uint32_t bound() const { return n_; }
    // Words below this are rejected (for kernels that apply the bound to many words at once).
    uint32_t rejectBelow() const { return reject_below_; }
    // One word, no retry: false if the word falls in the rejected zone.
    bool tryWord(uint32_t word, uint32_t& out) const {
        const uint64_t m = static_cast<uint64_t>(word) * n_;
        out = static_cast<uint32_t>(m >> 32);
        return static_cast<uint32_t>(m) >= reject_below_;
    }

private:
    uint32_t n_;
    uint32_t reject_below_;
};

}  // namespace slingshot
