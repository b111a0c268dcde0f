#include "core/graph/piece_blocks.h"

#include "core/base/hypergeometric.h"
#include "core/base/rng.h"

#include <stdexcept>
#include <string>

namespace slingshot {

uint64_t pieceBlockCount(uint64_t n2) { return n2 == 0 ? 1 : (n2 + kPiecesPerBlock - 1) / kPiecesPerBlock; }

uint64_t blockPieceCount(uint64_t n2, uint64_t block) {
    const uint64_t first = block * kPiecesPerBlock;
    if (first >= n2) return 0;
    return n2 - first < kPiecesPerBlock ? n2 - first : kPiecesPerBlock;
}

BlockShare blockShare(uint64_t blocks, uint64_t part, uint64_t parts) {
    return {blocks * part / parts, blocks * (part + 1) / parts};
}

namespace {

struct SplitWalk {
    uint64_t n2, seed, first, last;
    std::vector<uint64_t>& out;

    uint64_t pieces(uint64_t lo, uint64_t hi) const {
        const uint64_t end = hi * kPiecesPerBlock < n2 ? hi * kPiecesPerBlock : n2;
        return end - lo * kPiecesPerBlock;
    }
    // Node `id` (root 1, children 2 id and 2 id + 1) covers blocks [lo, hi) and holds `failed` pieces.
    void split(uint64_t id, uint64_t lo, uint64_t hi, uint64_t failed) {
        if (hi - lo == 1) {
            out[lo - first] = failed;
            return;
        }
        const uint64_t mid = lo + (hi - lo) / 2;
        Rng rng(seed, RngStream::FailureSplit, id);
        const uint64_t left = drawHypergeometric(pieces(lo, hi), failed, pieces(lo, mid), rng);
        if (first < mid) split(2 * id, lo, mid, left);
        if (last > mid) split(2 * id + 1, mid, hi, failed - left);
    }
};

}  // namespace

std::vector<uint64_t> blockFailureCounts(uint64_t n2, uint64_t failed, uint64_t seed, uint64_t first_block,
                                         uint64_t last_block) {
    const uint64_t blocks = pieceBlockCount(n2);
    if (first_block >= last_block || last_block > blocks || failed > n2)
        throw std::invalid_argument("blockFailureCounts: blocks [" + std::to_string(first_block) + ", " +
                                    std::to_string(last_block) + ") of " + std::to_string(blocks) +
                                    ", or more failures than pieces");
    std::vector<uint64_t> out(last_block - first_block);
    SplitWalk walk{n2, seed, first_block, last_block, out};
    walk.split(1, 0, blocks, failed);
    return out;
}

}  // namespace slingshot
