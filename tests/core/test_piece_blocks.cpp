// The block layout of pieces (src/core/graph/piece_blocks): block counts and sizes at and around
// multiples of the block size, and the split of an exact failure count, the same for every range.
#include "core/graph/piece_blocks.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

using namespace slingshot;

TEST_CASE("piece blocks: counts and sizes at and around multiples of the block size", "[piece_blocks]") {
    const uint64_t B = kPiecesPerBlock;
    CHECK(pieceBlockCount(1) == 1);
    CHECK(pieceBlockCount(B) == 1);
    CHECK(pieceBlockCount(B + 1) == 2);
    CHECK(pieceBlockCount(200000000000ULL) == 190735);
    CHECK(blockPieceCount(B + 1, 0) == B);
    CHECK(blockPieceCount(B + 1, 1) == 1);
    CHECK(blockPieceCount(B + 1, 2) == 0);
    CHECK(blockPieceCount(3 * B, 2) == B);
}

TEST_CASE("piece blocks: the failure count's split does not depend on the range asked", "[piece_blocks]") {
    for (uint64_t n2 : {uint64_t(1000), 7 * kPiecesPerBlock, 13 * kPiecesPerBlock + 5}) {
        const uint64_t blocks = pieceBlockCount(n2);
        const uint64_t m = n2 / 3;
        const std::vector<uint64_t> all = blockFailureCounts(n2, m, 9, 0, blocks);
        CHECK(std::accumulate(all.begin(), all.end(), uint64_t(0)) == m);
        for (uint64_t b = 0; b < blocks; ++b) REQUIRE(all[b] <= blockPieceCount(n2, b));
        for (uint64_t first = 0; first < blocks; ++first)
            for (uint64_t last = first + 1; last <= blocks; ++last) {
                const std::vector<uint64_t> part = blockFailureCounts(n2, m, 9, first, last);
                for (uint64_t b = first; b < last; ++b) REQUIRE(part[b - first] == all[b]);
            }
        CHECK((blockFailureCounts(n2, m, 10, 0, blocks) != all || blocks == 1));
    }
    // All or nothing failed: every block all or nothing.
    const uint64_t n2 = 3 * kPiecesPerBlock + 7;
    for (uint64_t b = 0; b < 4; ++b) {
        CHECK(blockFailureCounts(n2, n2, 1, 0, 4)[b] == blockPieceCount(n2, b));
        CHECK(blockFailureCounts(n2, 0, 1, 0, 4)[b] == 0);
    }
}

TEST_CASE("piece blocks: shares of the blocks are contiguous, cover them all and differ by at most one",
          "[piece_blocks]") {
    for (uint64_t blocks : {uint64_t(1), uint64_t(2), uint64_t(7), uint64_t(190735)})
        for (uint64_t parts : {uint64_t(1), uint64_t(2), uint64_t(3), uint64_t(9)}) {
            uint64_t next = 0, smallest = UINT64_MAX, largest = 0;
            for (uint64_t i = 0; i < parts; ++i) {
                const BlockShare s = blockShare(blocks, i, parts);
                REQUIRE(s.first == next);
                REQUIRE(s.last >= s.first);
                smallest = std::min(smallest, s.last - s.first);
                largest = std::max(largest, s.last - s.first);
                next = s.last;
            }
            CHECK(next == blocks);
            CHECK(largest - smallest <= 1);
        }
}
