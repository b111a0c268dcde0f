// Lemire's bound on a block of words (src/core/graph/bounded_words): each id is the high half of
// word x bound, and the rejection flag is raised exactly when some low half falls below the zone.
#include "core/graph/bounded_words.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <vector>

using namespace slingshot;

namespace {

// The reference: one 64-bit product per word.
template <class Id>
bool reference(const std::vector<uint32_t>& words, uint32_t bound, uint32_t reject_below, std::vector<Id>& out) {
    bool rejected = false;
    out.resize(words.size());
    for (size_t j = 0; j < words.size(); ++j) {
        const uint64_t m = uint64_t(words[j]) * bound;
        out[j] = static_cast<Id>(m >> 32);
        rejected = rejected || uint32_t(m) < reject_below;
    }
    return rejected;
}

uint32_t lemireZone(uint32_t bound) { return uint32_t(-bound) % bound; }  // 2^32 mod bound

}  // namespace

TEST_CASE("bounded words: hand-computed products and rejections", "[bounded_words]") {
    // bound 3: the zone is 2^32 mod 3 = 1, so only a product with low half 0 is rejected.
    const uint32_t words[] = {0u, 0x55555556u, 0xFFFFFFFFu, 0x80000000u};
    uint16_t out[4] = {};
    CHECK(boundWords(words, 4, 3, lemireZone(3), out));  // word 0 -> product 0, low half 0 < 1
    CHECK(out[0] == 0);
    CHECK(out[1] == 1);  // 0x55555556 * 3 = 0x1'00000002
    CHECK(out[2] == 2);  // floor((2^32 - 1) 3 / 2^32)
    CHECK(out[3] == 1);  // 2^31 * 3 / 2^32 = 1.5
    CHECK_FALSE(boundWords(words + 1, 3, 3, lemireZone(3), out));
    // bound 1 maps every word to 0 and never rejects (2^32 mod 1 = 0).
    uint32_t out32[4] = {9, 9, 9, 9};
    CHECK_FALSE(boundWords(words, 4, 1, lemireZone(1), out32));
    for (uint32_t id : out32) CHECK(id == 0);
    // A power of two is exact: the id is the top bits, no zone.
    CHECK_FALSE(boundWords(words, 4, 1u << 16, lemireZone(1u << 16), out));
    CHECK(out[1] == 0x5555);
    CHECK(out[2] == 0xFFFF);
    // No words: nothing written, nothing rejected.
    out[0] = 42;
    CHECK_FALSE(boundWords(words, 0, 3, 1, out));
    CHECK(out[0] == 42);
}

TEST_CASE("bounded words: random blocks equal the 64-bit reference, both id widths, any length", "[bounded_words]") {
    std::mt19937 stream(5);
    for (uint32_t bound : {2u, 3u, 7u, 1000u, 65535u, 65536u, 65537u, 1000003u, 0xFFFFFFFFu}) {
        for (uint32_t n : {1u, 7u, 8u, 9u, 100u, 4096u}) {
            std::vector<uint32_t> words(n);
            for (auto& w : words) w = uint32_t(stream());
            // A zone wider than Lemire's makes rejections frequent enough to check the flag both ways.
            for (uint32_t zone : {lemireZone(bound), 0u, 0x40000000u}) {
                INFO("bound " << bound << " n " << n << " zone " << zone);
                std::vector<uint32_t> want32, got32(n);
                const bool r32 = reference(words, bound, zone, want32);
                CHECK(boundWords(words.data(), n, bound, zone, got32.data()) == r32);
                CHECK(got32 == want32);
                if (bound <= 65536) {
                    std::vector<uint16_t> want16, got16(n);
                    const bool r16 = reference(words, bound, zone, want16);
                    CHECK(boundWords(words.data(), n, bound, zone, got16.data()) == r16);
                    CHECK(got16 == want16);
                }
            }
        }
    }
}
