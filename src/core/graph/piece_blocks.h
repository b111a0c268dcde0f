// The layout that lets a graph be sampled in any partition: text pieces are cut into fixed blocks of
// 2^20, and each block draws its slots and its failures from its own streams (seed, block), so the
// same graph, failures and counts come out whether one thread samples every block in order or many
// threads, processes or workers each sample some. A graph of one block is the single stream of before.
#pragma once

#include <cstdint>
#include <vector>

namespace slingshot {

inline constexpr uint64_t kPiecesPerBlock = uint64_t(1) << 20;

// Blocks of a graph of N2 pieces (the last one may be short); at least 1.
uint64_t pieceBlockCount(uint64_t n2);
// Pieces in block b: kPiecesPerBlock except for the last block.
uint64_t blockPieceCount(uint64_t n2, uint64_t block);

// Share `part` of `parts` of the blocks [0, blocks): contiguous, [first, last), sizes differing by at
// most one. How MPI ranks and the page's workers divide a run.
struct BlockShare {
    uint64_t first, last;
};
BlockShare blockShare(uint64_t blocks, uint64_t part, uint64_t parts);

// How many of an exact total of `failed` failed pieces fall in each block of [first_block, last_block),
// as a uniformly random failure set of that size would put them. The counts come from a balanced
// binary tree over all blocks: each node splits its count between its halves by one hypergeometric draw
// from its own stream (seed, node). A range only walks the nodes above its own blocks, and the counts
// do not depend on which range was asked.
std::vector<uint64_t> blockFailureCounts(uint64_t n2, uint64_t failed, uint64_t seed, uint64_t first_block,
                                         uint64_t last_block);

}  // namespace slingshot
