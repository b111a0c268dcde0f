// Failed text pieces Y (THEORY 2.6): a byte per piece (1 = failed). Two random models here; the
// adversarial search is in adversary.h. Both fill the set in slices so a job can interleave frames.
#pragma once

#include "core/base/memory_budget.h"
#include "core/base/rng.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace slingshot {

enum class FailureMode { Random, Independent, Adversarial };
inline constexpr FailureMode kFailureModes[] = {FailureMode::Random, FailureMode::Independent,
                                                FailureMode::Adversarial};
std::string_view failureModeName(FailureMode m);  // "random" | "independent" | "adversarial"
// The inverse of failureModeName; nullopt for any other text.
std::optional<FailureMode> failureModeFromName(std::string_view name);

struct FailureSet {
    BigArray<uint8_t> failed;  // N2 flags
    uint64_t count = 0;        // |Y|
};

// |Y| for measure theta: round(theta * N2).
uint64_t exactFailureCount(double theta, uint64_t n2);

// The failed pieces of a graph, block by block (piece_blocks.h): (a) a uniformly random Y of exactly
// m = round(theta N2) pieces, whose count is split over the blocks by blockFailureCounts and then picked
// uniformly inside each block; (b) each piece failing independently with probability theta. A block's
// flags come from its own stream (seed, block), so any partition of the blocks gives the same Y.
class BlockFailures {
public:
    // For the blocks [first_block, last_block) a worker will fill; `mode` Random or Independent.
    BlockFailures(FailureMode mode, uint64_t n2, double theta, uint64_t seed, uint64_t first_block,
                  uint64_t last_block);
    // Writes the flags of block b's pieces to flags[0, blockPieceCount(N2, b)) and returns how many
    // failed. Safe to call from several threads at once.
    uint64_t fill(uint64_t block, uint8_t* flags) const;

private:
    FailureMode mode_;
    uint64_t n2_;
    double theta_;
    uint64_t seed_;
    uint64_t first_block_;
    std::vector<uint64_t> block_failed_;  // Random: failed pieces per block, from first_block
};

// A whole graph's flags, for runs that keep them (the adversary, tuples, views).
void fillFailures(FailureSet& set, const BlockFailures& failures, uint64_t n2, uint64_t first_block,
                  uint64_t last_block);

}  // namespace slingshot
